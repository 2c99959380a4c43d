using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Import;

/// <summary>
/// Turns a layer read from any source into a dataset layer: fields mapped onto the schema, values converted,
/// geometries checked and repaired, reprojected to EPSG:4326, derived fields computed (areas, schools' ward),
/// ids checked for uniqueness. Pure: it reads nothing and writes nothing, so a caller can refuse to store a
/// layer that has errors and leave the dataset as it was.
/// </summary>
public static class LayerImporter
{
    /// <summary>Converts and validates <paramref name="source"/>.</summary>
    public static ImportResult Import(FeatureLayer source, ImportOptions options)
    {
        var schema = options.Schema;
        var issues = new IssueList(options.FileName, schema.Name);
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var crs = options.CrsOverride ?? source.Crs;
        var converter = new AttributeConverter(source, schema, options.Mapping, issues, options.IdTemplate);
        var output = new FeatureLayer(schema.Name, wgs84, converter.Fields, new List<FeatureRecord>(source.Features.Count));
        if (crs is null)
        {
            issues.Error("crs-unknown", null, null,
                "không biết hệ toạ độ của tệp (thiếu tệp .prj hoặc thông tin CRS). Dùng --crs, ví dụ --crs EPSG:9210 cho VN-2000 Hải Phòng.",
                "the file's coordinate system is unknown (no .prj or CRS metadata). Pass --crs, e.g. --crs EPSG:9210 for VN-2000 Hai Phong.");
            return new ImportResult(output, issues) { Columns = converter.Columns };
        }

        var metric = options.MetricCrs ?? MetricCrs.ForLongitude(CentreLongitude(source, crs, wgs84));
        var wards = schema.Name == "schools" && options.Wards is { } w ? new WardLocator(w) : null;
        var named = schema.Name == "schools" && options.Wards is { } wn && converter.WardColumn is not null ? new WardNames(wn) : null;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var reoriented = 0;
        var n = 0;
        var rowErrors = new Dictionary<int, IReadOnlyList<ValidationIssue>>();
        foreach (var record in source.Features)
        {
            var issuesBefore = issues.Items.Count;
            var label = converter.LabelOf(record);
            var attributes = converter.Convert(record, label, issues);
            var geometry = GeometryInspector.Inspect(record.Geometry, schema, crs, label, issues, out var changed);
            if (changed)
            {
                reoriented++;
            }

            if (geometry is not null)
            {
                geometry = Reprojector.Transform(geometry, crs, wgs84);
                if (!crs.IsGeographic && !GeometryInspector.InVietnam(geometry.EnvelopeInternal, label, issues, GeometryInspector.Coord(geometry.Coordinate), crs))
                {
                    geometry = null;
                }
            }

            if (attributes[schema.IdField] is string id)
            {
                if (seen.TryGetValue(id, out var firstOrdinal))
                {
                    issues.Error("id-duplicate", id, schema.IdField,
                        $"mã '{id}' trùng: đối tượng thứ {record.Ordinal} và thứ {firstOrdinal} có cùng mã.",
                        $"duplicate id '{id}': features #{record.Ordinal} and #{firstOrdinal} share it.");
                }
                else
                {
                    seen[id] = record.Ordinal;
                }
            }

            if (geometry is not null)
            {
                Derive(schema.Name, attributes, geometry, wgs84, metric, label, wards, options.Wards is not null, issues);
                if (named is not null && converter.StatedWard(record) is { } stated && wards?.Locate(WardLocator.Anchor(geometry)) is { } foundCode)
                {
                    named.Check(stated, converter.WardColumn!, foundCode, label, issues);
                }
            }

            CheckRecord(schema.Name, attributes, label, issues);
            output.Features.Add(new FeatureRecord(record.Ordinal, geometry, attributes));
            var errors = issues.Items.Skip(issuesBefore).Where(i => i.Severity == IssueSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                rowErrors[record.Ordinal] = errors;
            }

            if (++n % 1000 == 0)
            {
                options.Progress?.Report(new WorkProgress("convert", n, source.Features.Count));
            }
        }

        options.Progress?.Report(new WorkProgress("convert", n, source.Features.Count));
        if (reoriented > 0 && !options.ClockwiseShellsExpected)
        {
            issues.Warning("geometry-reoriented", null, null,
                $"{reoriented} vùng có vòng ngoài theo chiều kim đồng hồ đã được đảo sang ngược chiều kim đồng hồ (RFC 7946); hình dạng không đổi.",
                $"{reoriented} polygons had clockwise outer rings and were reoriented counter-clockwise (RFC 7946); shapes unchanged.");
        }

        if (schema.Name == "schools" && options.Wards is null)
        {
            issues.Warning("wards-absent", null, "ward_code",
                "bộ dữ liệu chưa có lớp wards nên không kiểm tra được trường nằm trong phường/xã nào; hãy nhập wards trước.",
                "the dataset has no wards layer, so schools could not be placed in wards; import wards first.");
        }

        return new ImportResult(output, issues) { Columns = converter.Columns, RowErrors = rowErrors };
    }

    private static void Derive(
        string layer, Dictionary<string, object?> a, Geometry lonLat, CrsDefinition wgs84, CrsDefinition metric,
        string label, WardLocator? wards, bool haveWards, IssueList issues)
    {
        double Area() => Reprojector.Transform(lonLat, wgs84, metric).Area;
        switch (layer)
        {
            case "wards" or "urban_areas" or "parcels":
                var area = Area();
                if (a["area_m2"] is double given && Math.Abs(given - area) > 0.05 * Math.Max(area, 1))
                {
                    issues.Warning("area-mismatch", label, "area_m2",
                        string.Create(CultureInfo.InvariantCulture, $"diện tích ghi {given:0} m² khác diện tích hình học {area:0} m² hơn 5%; giữ giá trị ghi."),
                        string.Create(CultureInfo.InvariantCulture, $"stated area {given:0} m² differs from the geometry's {area:0} m² by more than 5%; the stated value is kept."));
                }

                a["area_m2"] ??= Math.Round(area, 2);
                break;
            case "industrial_zones":
                var hectares = Area() / 10_000;
                if (a["area_ha"] is double statedHa && Math.Abs(statedHa - hectares) > 0.05 * Math.Max(hectares, 0.01))
                {
                    issues.Warning("area-mismatch", label, "area_ha",
                        string.Create(CultureInfo.InvariantCulture, $"diện tích ghi {statedHa:0.##} ha khác diện tích hình học {hectares:0.##} ha hơn 5%; giữ giá trị ghi."),
                        string.Create(CultureInfo.InvariantCulture, $"stated area {statedHa:0.##} ha differs from the geometry's {hectares:0.##} ha by more than 5%; the stated value is kept."));
                }

                a["area_ha"] ??= Math.Round(hectares, 4);
                break;
            case "schools":
                if (lonLat is not Point && a["site_area_m2"] is null)
                {
                    a["site_area_m2"] = Math.Round(Area(), 2);
                }

                if (haveWards && wards is not null)
                {
                    var found = wards.Locate(WardLocator.Anchor(lonLat));
                    if (found is null)
                    {
                        issues.Error("school-outside-wards", label, null,
                            $"trường nằm ngoài mọi phường/xã, tại {GeometryInspector.Coord(WardLocator.Anchor(lonLat))}: kiểm tra toạ độ.",
                            $"the school lies outside every ward, at {GeometryInspector.Coord(WardLocator.Anchor(lonLat))}: check its coordinates.");
                    }
                    else if (a["ward_code"] is string stated && stated != found)
                    {
                        issues.Warning("ward-code-mismatch", label, "ward_code",
                            $"ghi mã phường/xã {stated} nhưng vị trí nằm trong {found}; giữ giá trị ghi.",
                            $"ward_code says {stated} but the location is in {found}; the stated value is kept.");
                    }
                    else
                    {
                        a["ward_code"] ??= found;
                    }
                }

                break;
        }
    }

    private static void CheckRecord(string layer, Dictionary<string, object?> a, string label, IssueList issues)
    {
        if (layer == "urban_areas" && a["start_year"] is long start && a["completion_year"] is long end && end < start)
        {
            issues.Error("years-reversed", label, "completion_year",
                $"năm hoàn thành {end} trước năm bắt đầu {start}.",
                $"completion year {end} is before start year {start}.");
        }
    }

    private static double CentreLongitude(FeatureLayer source, CrsDefinition crs, CrsDefinition wgs84)
    {
        var env = new Envelope();
        foreach (var f in source.Features)
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                env.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        if (env.IsNull)
        {
            return 106;
        }

        var c = env.Centre;
        try
        {
            var (lon, _) = Reprojector.Transform(c.X, c.Y, crs, wgs84);
            return double.IsFinite(lon) ? lon : 106;
        }
        catch (ArgumentException)
        {
            return 106;
        }
    }
}
