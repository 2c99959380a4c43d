using System.Buffers.Binary;
using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Facilities.Formats.Readers;

/// <summary>
/// Reads an Esri Shapefile (.shp + .shx + .dbf, with .prj and .cpg when present), recognising VN-2000 .prj
/// files that carry no TOWGS84, checking that the files are complete and decoding the .dbf text from UTF-8, its declared code page, or
/// Windows-1258/TCVN3/VNI when the text reads as Vietnamese in them.
/// </summary>
public static class ShapefileLayerReader
{
    /// <summary>Reads the shapefile at <paramref name="path"/> (the .shp).</summary>
    /// <param name="path">The .shp file.</param>
    /// <param name="layerName">The dataset layer it is read for.</param>
    /// <param name="issues">Where the encoding notice or warning goes.</param>
    /// <param name="crsOverride">CRS given by the user; the .prj is then not read.</param>
    /// <param name="encodingOverride">The .dbf text encoding given by the user (<c>--encoding</c>), else detected.</param>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, CrsDefinition? crsOverride = null, string? encodingOverride = null)
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
        var dbf = Path.ChangeExtension(path, ".dbf");
        CheckDbfLength(dbf, layerName);
        var crs = crsOverride ?? ReadPrj(path, file, layerName);
        var given = encodingOverride is null ? null : SourceText.Parse(encodingOverride, file, layerName);

        // Text is read as raw bytes (one character per byte) and decoded once the whole file's text is known.
        var rawFields = new List<(string Name, FieldType Type)>();
        var rawRecords = new List<(int Ordinal, Geometry? Geometry, Dictionary<string, object?> Attributes)>();
        try
        {
            using var reader = Shapefile.OpenRead(path, new ShapefileReaderOptions { Encoding = DbfCodePage.Raw });
            foreach (var f in reader.Fields)
            {
                rawFields.Add((f.Name, f.FieldType switch
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
                    attributes[f.Name] = Value(f.Value);
                }

                rawRecords.Add((ordinal, reader.Geometry, attributes));
            }
        }
        catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new DataFileException("shapefile-unreadable", file, layerName,
                $"không đọc được shapefile: {e.Message}", $"the shapefile cannot be read: {e.Message}", e);
        }

        var choice = ChooseEncoding(path, layerName, given, rawFields, rawRecords, issues);
        var names = rawFields.ToDictionary(f => f.Name, f => Decode(choice, f.Name), StringComparer.Ordinal);
        var fields = rawFields.Select(f => new FieldInfo(names[f.Name], f.Type)).ToList();
        var records = rawRecords.Select(r => new FeatureRecord(r.Ordinal, r.Geometry,
            r.Attributes.ToDictionary(a => names[a.Key], a => a.Value is string s ? Decode(choice, s) : a.Value, StringComparer.Ordinal))).ToList();
        WarnLostLetters(choice, dbf, records, issues);
        return new FeatureLayer(layerName, crs, fields, records);
    }

    private static string Decode(EncodingChoice choice, string raw)
    {
        var bytes = DbfCodePage.Raw.GetBytes(raw);
        return choice.Decode(choice.Encoding == SourceEncoding.Utf8 ? WithoutCutLetter(bytes) : bytes);
    }

    // GDAL cuts UTF-8 text at the field width (80 bytes by default), sometimes inside a letter: drop that
    // incomplete last letter rather than take the whole file for another encoding.
    private static byte[] WithoutCutLetter(byte[] bytes)
    {
        for (var cut = 1; cut <= 3 && cut <= bytes.Length; cut++)
        {
            var lead = bytes[^cut];
            if (lead < 0x80)
            {
                break;
            }

            if (lead >= 0xC0)
            {
                var needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                return needed > cut && SourceEncoding.IsUtf8(bytes.AsSpan(0, bytes.Length - cut)) ? bytes[..^cut] : bytes;
            }
        }

        return bytes;
    }

    // Per file: UTF-8 when every text value is valid UTF-8, else what the .cpg or the LDID byte declares, with
    // Windows-1258/TCVN3/VNI recognised on top (a .cpg saying 1252 over VNI bytes is the common mislabel).
    private static EncodingChoice ChooseEncoding(string path, string layer, SourceEncoding? given,
        List<(string Name, FieldType Type)> fields, List<(int Ordinal, Geometry? Geometry, Dictionary<string, object?> Attributes)> records, IssueList issues)
    {
        var dbf = Path.GetFileName(Path.ChangeExtension(path, ".dbf"));
        if (given is not null)
        {
            issues.Notice("encoding-given", null, null,
                $"đọc {dbf} theo bảng mã {given.Label} (--encoding).", $"{dbf} was read as {given.Label} (--encoding).");
            return new EncodingChoice(given, false, default);
        }

        var samples = fields.Select(f => f.Name)
            .Concat(records.SelectMany(r => r.Attributes.Values.OfType<string>()))
            .Distinct(StringComparer.Ordinal)
            .Select(s => WithoutCutLetter(DbfCodePage.Raw.GetBytes(s)))
            .ToList();
        var (declared, whereVi, whereEn) = Declared(path, layer);
        var choice = EncodingDetector.Choose(samples, declared);
        if (choice is null)
        {
            var (record, field) = FirstNonAscii(records);
            throw new DataFileException("file-not-utf8", dbf, layer,
                $"bản ghi {record}, trường '{field}': văn bản không phải UTF-8, {whereVi}, và cũng không đọc được thành tiếng Việt theo Windows-1258, TCVN3 hay VNI. Thêm tệp .cpg hoặc chỉ rõ bảng mã bằng --encoding ({SourceEncoding.OverrideValues}).",
                $"record {record}, field '{field}': the text is not UTF-8, {whereEn}, and it does not read as Vietnamese in Windows-1258, TCVN3 or VNI either. Add a .cpg or name the encoding with --encoding ({SourceEncoding.OverrideValues}).");
        }

        if (choice.Detected)
        {
            SourceText.Report(issues, choice, declared is null ? whereVi : $"{whereVi}, không đúng", declared is null ? whereEn : $"{whereEn}, which is wrong");
        }
        else if (choice.Score == default && samples.TrueForAll(s => Array.TrueForAll(s, b => b < 0x80)))
        {
            // Plain ASCII reads the same in every encoding: nothing to say.
        }
        else if (declared is not null && choice.Encoding == declared && declared != SourceEncoding.Utf8)
        {
            issues.Notice("encoding-declared", null, null,
                $"đọc {dbf} theo bảng mã {declared.Label} ({whereVi}).", $"{dbf} was read as {declared.Label} ({whereEn}).");
        }
        else if (declared is not null && choice.Encoding != declared && choice.Encoding == SourceEncoding.Utf8)
        {
            issues.Warning("encoding-declared-wrong", null, null,
                $"{whereVi} nhưng văn bản của {dbf} là {choice.Encoding.Label} hợp lệ: đã đọc theo {choice.Encoding.Label}.",
                $"{whereEn} but the text of {dbf} is valid {choice.Encoding.Label}: it was read as {choice.Encoding.Label}.");
        }

        return choice;
    }

    private static (SourceEncoding? Encoding, string Vi, string En) Declared(string path, string layer)
    {
        var cpg = Path.ChangeExtension(path, ".cpg");
        if (File.Exists(cpg))
        {
            var name = TextFileCheck.ReadUtf8(cpg, layer).Trim();
            var encoding = SourceEncoding.Parse(name) ?? throw new DataFileException("encoding-unsupported", Path.GetFileName(cpg), layer,
                $"bảng mã '{name}' trong tệp .cpg không được hỗ trợ; chỉ rõ bảng mã bằng --encoding ({SourceEncoding.OverrideValues}).",
                $"the .cpg encoding '{name}' is not supported; name the encoding with --encoding ({SourceEncoding.OverrideValues}).");
            return (encoding, $"tệp .cpg ghi '{name}'", $"the .cpg says '{name}'");
        }

        var ldid = DbfCodePage.ReadLdid(Path.ChangeExtension(path, ".dbf"));
        var declared = DbfCodePage.Encoding(ldid);
        var hex = ldid.ToString("X2", CultureInfo.InvariantCulture);
        return declared is null
            ? (null, $"không có tệp .cpg và byte bảng mã (LDID) là 0x{hex}", $"there is no .cpg and the code-page byte (LDID) is 0x{hex}")
            : (declared, $"không có .cpg; byte bảng mã LDID 0x{hex} = {declared.Label}", $"no .cpg; code-page byte LDID 0x{hex} = {declared.Label}");
    }

    private static (int Record, string Field) FirstNonAscii(List<(int Ordinal, Geometry? Geometry, Dictionary<string, object?> Attributes)> records)
    {
        foreach (var r in records)
        {
            foreach (var (name, value) in r.Attributes)
            {
                if (value is string s && s.Any(c => c >= 0x80))
                {
                    return (r.Ordinal, name);
                }
            }
        }

        return (0, "");
    }

    // A code page without Vietnamese letters turned them into '?' when the file was written (plain ogr2ogr
    // writes ISO-8859-1): the letters are gone from the file, so say where instead of importing it silently.
    private static void WarnLostLetters(EncodingChoice choice, string dbf, List<FeatureRecord> records, IssueList issues)
    {
        if (choice.Encoding.HoldsVietnamese)
        {
            return;
        }

        var hits = records.SelectMany(r => r.Attributes.Where(a => a.Value is string s && LostLetter(s)).Select(a => (r.Ordinal, a.Key, (string)a.Value!))).ToList();
        if (hits.Count == 0)
        {
            return;
        }

        var (ordinal, field, value) = hits[0];
        issues.Warning("encoding-letters-lost", null, null,
            $"{hits.Count} giá trị trong {dbf} có dấu '?' thay cho chữ (ví dụ bản ghi {ordinal}, trường '{field}': \"{value}\"): tệp được ghi bằng bảng mã {choice.Encoding.Label}, không chứa được chữ tiếng Việt, nên các chữ đó đã mất ngay trong tệp. Xuất lại tệp dạng UTF-8 (ogr2ogr -lco ENCODING=UTF-8).",
            $"{hits.Count} values in {dbf} have '?' in place of letters (e.g. record {ordinal}, field '{field}': \"{value}\"): the file was written in {choice.Encoding.Label}, which cannot hold Vietnamese letters, so they were lost in the file itself. Export it again as UTF-8 (ogr2ogr -lco ENCODING=UTF-8).");
    }

    private static bool LostLetter(string s)
    {
        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] == '?' && char.IsLetter(s[i - 1]))
            {
                return true;
            }
        }

        return false;
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
