using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Facilities.IO.Readers;

/// <summary>
/// Reads an Esri Shapefile (.shp + .shx + .dbf, with .prj and .cpg when present), recognising VN-2000 .prj
/// files that carry no TOWGS84, checking that the files are complete and the text is UTF-8.
/// </summary>
public static class ShapefileLayerReader
{
    /// <summary>Reads the shapefile at <paramref name="path"/> (the .shp).</summary>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, CrsDefinition? crsOverride = null)
    {
        var file = Path.GetFileName(path);
        foreach (var ext in new[] { ".shp", ".shx", ".dbf" })
        {
            var part = Path.ChangeExtension(path, ext);
            if (!File.Exists(part))
            {
                throw new DataFileException("shapefile-part-missing", file, layerName,
                    $"thiếu tệp {Path.GetFileName(part)}: một shapefile cần đủ .shp, .shx và .dbf.",
                    $"{Path.GetFileName(part)} is missing: a shapefile needs .shp, .shx and .dbf together.");
            }
        }

        CheckShpLength(path, file, layerName);
        CheckDbfLength(Path.ChangeExtension(path, ".dbf"), layerName);
        var crs = crsOverride ?? ReadPrj(path, file, layerName);
        var encoding = ReadCpg(path, file, layerName);

        var fields = new List<FieldInfo>();
        var records = new List<FeatureRecord>();
        try
        {
            using var reader = Shapefile.OpenRead(path, new ShapefileReaderOptions { Encoding = encoding });
            foreach (var f in reader.Fields)
            {
                fields.Add(new FieldInfo(f.Name, f.FieldType switch
                {
                    DbfType.Numeric when f.NumericScale == 0 => FieldType.Integer,
                    DbfType.Numeric or DbfType.Float => FieldType.Real,
                    _ => FieldType.Text,
                }));
            }

            var ordinal = 0;
            while (reader.Read(out var deleted))
            {
                ordinal++;
                if (deleted)
                {
                    continue;
                }

                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var f in reader.Fields)
                {
                    var value = Value(f.Value);
                    if (value is string s && s.Contains('\uFFFD', StringComparison.Ordinal))
                    {
                        throw new DataFileException("file-not-utf8", Path.GetFileName(Path.ChangeExtension(path, ".dbf")), layerName,
                            $"bản ghi {ordinal}, trường '{f.Name}': văn bản không phải {encoding.WebName}. Bảng mã TCVN3/VNI cần chuyển sang UTF-8; Windows-1258 cần tệp .cpg ghi '1258'.",
                            $"record {ordinal}, field '{f.Name}': the text is not {encoding.WebName}. TCVN3/VNI text must be converted to UTF-8; Windows-1258 needs a .cpg saying '1258'.");
                    }

                    attributes[f.Name] = value;
                }

                records.Add(new FeatureRecord(ordinal, reader.Geometry, attributes));
            }
        }
        catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new DataFileException("shapefile-unreadable", file, layerName,
                $"không đọc được shapefile: {e.Message}", $"the shapefile cannot be read: {e.Message}", e);
        }

        return new FeatureLayer(layerName, crs, fields, records);
    }

    private static object? Value(object? v) => v switch
    {
        null => null,
        string s => s.TrimEnd(),
        int i => (long)i,
        long l => l,
        double d => d,
        float f => (double)f,
        decimal m => m == decimal.Truncate(m) && Math.Abs(m) < long.MaxValue ? (long)m : (double)m,
        bool b => b,
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    private static CrsDefinition? ReadPrj(string path, string file, string layer)
    {
        var prj = Path.ChangeExtension(path, ".prj");
        if (!File.Exists(prj))
        {
            return null;
        }

        var wkt = TextFileCheck.ReadUtf8(prj, layer);
        return CrsRecognizer.TryRecognise(wkt, out var d, out var reason)
            ? d
            : throw new DataFileException("crs-unsupported", Path.GetFileName(prj), layer,
                $"không nhận ra hệ toạ độ trong {Path.GetFileName(prj)}: {reason}. Dùng --crs EPSG:n.",
                $"the coordinate system in {Path.GetFileName(prj)} is not recognised: {reason}. Pass --crs EPSG:n.");
    }

    private static Encoding ReadCpg(string path, string file, string layer)
    {
        var cpg = Path.ChangeExtension(path, ".cpg");
        if (!File.Exists(cpg))
        {
            // ASSUMPTION: GDAL and QGIS write UTF-8 DBFs with a .cpg; without one we still expect UTF-8 and say so if not.
            return new UTF8Encoding(false, false);
        }

        var name = File.ReadAllText(cpg).Trim();
        if (name.Replace("-", "", StringComparison.Ordinal).Equals("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            return new UTF8Encoding(false, false);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var digits = new string(name.Where(char.IsAsciiDigit).ToArray());
        try
        {
            return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cp) && digits.Length > 0
                ? Encoding.GetEncoding(cp)
                : Encoding.GetEncoding(name);
        }
        catch (ArgumentException e)
        {
            throw new DataFileException("encoding-unsupported", file, layer,
                $"bảng mã '{name}' trong tệp .cpg không được hỗ trợ.", $"the .cpg encoding '{name}' is not supported.", e);
        }
    }

    // The .shp header states the file length in 16-bit words (big-endian, bytes 24–27); a shorter file was cut off.
    private static void CheckShpLength(string path, string file, string layer)
    {
        var info = new FileInfo(path);
        Span<byte> header = stackalloc byte[100];
        using (var s = File.OpenRead(path))
        {
            if (info.Length < 100 || s.ReadAtLeast(header, 100, throwOnEndOfStream: false) < 100 || BinaryPrimitives.ReadInt32BigEndian(header) != 9994)
            {
                throw new DataFileException("file-truncated", file, layer,
                    "tệp .shp hỏng hoặc bị cắt cụt (thiếu phần đầu 100 byte).", "the .shp file is damaged or truncated (no 100-byte header).");
            }
        }

        var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(header[24..]);
        if (info.Length < declared)
        {
            throw new DataFileException("file-truncated", file, layer,
                $"tệp .shp bị cắt cụt: phần đầu ghi {declared} byte nhưng tệp chỉ có {info.Length} byte.",
                $"the .shp file is truncated: its header says {declared} bytes but the file has {info.Length}.");
        }
    }

    // dBASE header: record count (bytes 4–7), header size (8–9), record size (10–11), all little-endian.
    private static void CheckDbfLength(string path, string layer)
    {
        var info = new FileInfo(path);
        Span<byte> header = stackalloc byte[12];
        using var s = File.OpenRead(path);
        if (s.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
        {
            throw new DataFileException("file-truncated", Path.GetFileName(path), layer,
                "tệp .dbf hỏng hoặc bị cắt cụt.", "the .dbf file is damaged or truncated.");
        }

        var expected = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]) +
                       ((long)BinaryPrimitives.ReadInt32LittleEndian(header[4..]) * BinaryPrimitives.ReadUInt16LittleEndian(header[10..]));
        if (info.Length < expected)
        {
            throw new DataFileException("file-truncated", Path.GetFileName(path), layer,
                $"tệp .dbf bị cắt cụt: cần {expected} byte nhưng chỉ có {info.Length} byte.",
                $"the .dbf file is truncated: it needs {expected} bytes but has {info.Length}.");
        }
    }
}
