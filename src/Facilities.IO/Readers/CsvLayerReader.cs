using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.IO.Readers;

/// <summary>
/// Reads a CSV whose geometry is a WKT column (wkt, geometry, geom) or a pair of lon/lat columns
/// (lon/lat, longitude/latitude, x/y, kinh_do/vi_do). Values stay text; the importer converts schema fields.
/// </summary>
public static class CsvLayerReader
{
    private static readonly string[] WktNames = ["wkt", "geometry", "geom", "the_geom", "hinh_hoc"];
    private static readonly string[] LonNames = ["lon", "lng", "long", "longitude", "x", "kinh_do"];
    private static readonly string[] LatNames = ["lat", "latitude", "y", "vi_do"];

    /// <summary>Reads the CSV at <paramref name="path"/>. Coordinates are EPSG:4326 unless the caller overrides.</summary>
    public static FeatureLayer Read(string path, string layerName, IssueList issues, SourceReadOptions read)
    {
        var file = Path.GetFileName(path);
        var text = Text.SourceText.Read(path, layerName, read.Encoding, issues).Text;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new DataFileException("csv-empty", file, layerName, "tệp CSV trống (không có dòng tiêu đề).", "the CSV file is empty (no header row).");
        }

        var normalized = header.Select(NameNormalizer.Normalize).ToArray();
        var wkt = Find(normalized, WktNames);
        var lon = Find(normalized, LonNames);
        var lat = Find(normalized, LatNames);
        if (wkt < 0 && (lon < 0 || lat < 0))
        {
            throw new DataFileException("csv-no-geometry", file, layerName,
                "CSV không có cột hình học: cần cột WKT (wkt, geometry) hoặc cặp cột kinh độ/vĩ độ (lon, lat hoặc kinh_do, vi_do).",
                "the CSV has no geometry: it needs a WKT column (wkt, geometry) or lon/lat columns (lon, lat or kinh_do, vi_do).");
        }

        var geometryColumns = wkt >= 0 ? new[] { wkt } : new[] { lon, lat };
        var fields = header.Where((_, i) => !geometryColumns.Contains(i) && !(wkt >= 0 && (i == lon || i == lat)))
            .Select(h => new FieldInfo(h, FieldType.Text)).ToList();
        var wktReader = new WKTReader();
        var factory = new GeometryFactory(new PrecisionModel(), CrsRegistry.Wgs84Srid);
        var records = new List<FeatureRecord>();
        var ordinal = 0;
        try
        {
            while (csv.Read())
            {
                ordinal++;
                var label = "#" + ordinal.ToString(CultureInfo.InvariantCulture);
                if (csv.Parser.Count < header.Length)
                {
                    issues.Error("csv-row-short", label, null,
                        $"dòng {csv.Parser.Row} có {csv.Parser.Count} cột, tiêu đề có {header.Length}: tệp bị cắt cụt hoặc thiếu dấu phân cách.",
                        $"row {csv.Parser.Row} has {csv.Parser.Count} columns but the header has {header.Length}: truncated file or missing separators.");
                    continue;
                }

                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var f in fields)
                {
                    attributes[f.Name] = csv.GetField(Array.IndexOf(header, f.Name));
                }

                records.Add(new FeatureRecord(ordinal, ReadGeometry(csv, wkt, lon, lat, wktReader, factory, label, issues), attributes));
            }
        }
        catch (CsvHelperException e)
        {
            throw new DataFileException("csv-unreadable", file, layerName,
                $"không đọc được CSV sau dòng dữ liệu {ordinal}: {e.Message.Split('\n')[0]}",
                $"the CSV cannot be read after data row {ordinal}: {e.Message.Split('\n')[0]}", e);
        }

        return new FeatureLayer(layerName, CrsRegistry.Get(CrsRegistry.Wgs84Srid), fields, records);
    }

    private static Geometry? ReadGeometry(CsvReader csv, int wkt, int lon, int lat, WKTReader reader, GeometryFactory factory, string label, IssueList issues)
    {
        if (wkt >= 0)
        {
            var text = csv.GetField(wkt);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return reader.Read(text);
            }
            catch (ParseException e)
            {
                issues.Error("geometry-unreadable", label, csv.HeaderRecord![wkt], $"WKT không hợp lệ: {e.Message}", $"invalid WKT: {e.Message}");
                return null;
            }
        }

        var xs = csv.GetField(lon);
        var ys = csv.GetField(lat);
        if (string.IsNullOrWhiteSpace(xs) && string.IsNullOrWhiteSpace(ys))
        {
            return null;
        }

        if (!double.TryParse(xs, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ||
            !double.TryParse(ys, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            issues.Error("coordinates-not-number", label, csv.HeaderRecord![lon] + "/" + csv.HeaderRecord[lat],
                $"toạ độ '{xs}', '{ys}' không phải số (dùng dấu chấm thập phân).",
                $"coordinates '{xs}', '{ys}' are not numbers (use a dot as decimal separator).");
            return null;
        }

        return factory.CreatePoint(new Coordinate(x, y));
    }

    private static int Find(string[] normalizedHeader, string[] names)
    {
        foreach (var n in names)
        {
            var i = Array.IndexOf(normalizedHeader, n);
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
