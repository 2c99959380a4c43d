using Facilities.Application.Import;
using Facilities.Core.Catchment;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats;

namespace Facilities.Application;

/// <summary>
/// The settlement layer the catchment method weights its demand grid with: a user's population points
/// (<see cref="FromPointsFile"/>, <c>--population</c>), else what the dataset holds, the parcels in residential land use
/// (ODT đất ở đô thị, ONT đất ở nông thôn) each weighted by its area. Null when there is neither: the grid is then
/// weighted evenly, and the run says so.
/// </summary>
public static class Settlement
{
    /// <summary>Cadastral codes of residential land (Circular 08/2024/TT-BTNMT's land-use list; docs/sites.md).</summary>
    public static readonly IReadOnlySet<string> ResidentialLandUse = new HashSet<string>(["ODT", "ONT"], StringComparer.Ordinal);

    /// <summary>The residential parcels of <paramref name="d"/> as settlement points (parcel centroids, weight = area in m²), or null.</summary>
    public static SettlementPoints? FromParcels(DatasetContext d)
    {
        if (!d.HasLayer("parcels"))
        {
            return null;
        }

        var xs = new List<double>();
        var ys = new List<double>();
        var ws = new List<double>();
        foreach (var p in d.Store.StreamParcels(d.City.MetricCrs))
        {
            // The land use is read before the geometry, so other parcels are never decoded.
            if (!ResidentialLandUse.Contains(p.LandUse) || p.AreaM2 <= 0)
            {
                continue;
            }

            var c = p.Geometry.Centroid;
            xs.Add(c.X);
            ys.Add(c.Y);
            ws.Add(p.AreaM2);
        }

        return xs.Count == 0 ? null : new SettlementPoints("parcels_residential", [.. xs], [.. ys], [.. ws]);
    }

    /// <summary>
    /// Population points from a file (GeoJSON, CSV with lon/lat, GeoPackage, shapefile: any the importer reads), one
    /// point per feature weighted by its <c>population</c> field, in the city's metric CRS. A file that cannot be read,
    /// has no known CRS, a feature that is not a point or has no non-negative population is refused, naming the file,
    /// the feature and the field: nothing is guessed.
    /// </summary>
    public static SettlementPoints FromPointsFile(DatasetContext d, string path)
    {
        var name = Path.GetFileName(path);
        var issues = new IssueList(name, "population");
        var layer = LayerFileReader.Read(path, "population", null, issues);
        if (issues.HasErrors)
        {
            var first = issues.Items.First(i => i.Severity == IssueSeverity.Error);
            throw new DataFileException(first);
        }

        var crs = layer.Crs ?? throw new DataFileException("population-crs-unknown", name, "population",
            "không rõ hệ toạ độ của tệp điểm dân số; hãy dùng GeoJSON (EPSG:4326) hoặc tệp có .prj.",
            "the population points file has no known coordinate system; use GeoJSON (EPSG:4326) or a file with a .prj.");
        var xs = new List<double>();
        var ys = new List<double>();
        var ws = new List<double>();
        foreach (var f in layer.Features)
        {
            // CSV cells arrive as text: a number in invariant notation is accepted, nothing else.
            var weight = f["population"] switch
            {
                long l => l,
                double v => v,
                string t when double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => double.NaN,
            };
            if (f.Geometry is not NetTopologySuite.Geometries.Point point || point.IsEmpty || double.IsNaN(weight) || weight < 0)
            {
                throw new DataFileException("population-point-invalid", name, "population",
                    $"đối tượng {f.Ordinal}: cần một điểm với trường 'population' là số không âm.",
                    $"feature {f.Ordinal}: needs a point with a non-negative number in field 'population'.");
            }

            var (x, y) = Reprojector.Transform(point.X, point.Y, crs, d.City.MetricCrs);
            xs.Add(x);
            ys.Add(y);
            ws.Add(weight);
        }

        return new SettlementPoints("population_points", [.. xs], [.. ys], [.. ws]);
    }
}
