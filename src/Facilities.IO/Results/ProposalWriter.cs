using Facilities.Core.Features;
using Facilities.Core.Proposals;
using Facilities.Core.Provenance;
using Facilities.Core.Spatial;
using Facilities.IO.Store;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Results;

/// <summary>
/// Writes a proposal GeoPackage (EPSG:4326): proposed_sites (multipolygons), catchments (the demand points with the
/// site each is assigned to), project_needs and solver_runs tables; the stamp in facilities_metadata and a
/// stamp_id on every row. Atomic: nothing is left half-written.
/// </summary>
public static class ProposalWriter
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    /// <summary>Writes the GeoPackage; geometries go from <paramref name="metric"/> back to EPSG:4326.</summary>
    public static void WriteGeoPackage(ProposalResult result, ResultStamp stamp, CrsDefinition metric, string path)
    {
        var crs = new FeatureLayer("wgs84", Wgs84, [], []);
        var factory = new GeometryFactory(new PrecisionModel(), CrsRegistry.Wgs84Srid);
        var sites = result.Levels.SelectMany(l => l.Sites).ToList();
        var points = result.Levels
            .SelectMany(l => l.Points.Select(p => (l.Level, Point: p, SiteId: p.SiteRank == 0 ? "" : l.Sites[p.SiteRank - 1].Site.Id)))
            .ToList();
        var needs = result.Needs.Levels.Append(new LevelNeeds("total", result.Needs.Levels.Sum(n => n.Pupils), result.Needs.Levels.Sum(n => n.Classes),
            result.Needs.Levels.Sum(n => n.Classrooms), result.Needs.Levels.Sum(n => n.Schools), 0, 0, result.Needs.LandM2));
        var runs = result.Levels.SelectMany(l => l.Solutions.Select(s => (l.Level, Run: s))).ToList();
        Geometry Multi(Geometry g)
        {
            var wgs = Reprojector.Transform(g, metric, Wgs84);
            return wgs is Polygon p ? factory.CreateMultiPolygon([p]) : wgs;
        }

        var layers = new List<FeatureLayer>
        {
            ResultLayers.Build("proposed_sites", sites, ProposalColumns.Sites(result), s => Multi(s.Site.Geometry), stamp.Id, crs),
            ResultLayers.Build("catchments", points, ProposalColumns.Points,
                r => Reprojector.Transform(factory.CreatePoint(new Coordinate(r.Point.X, r.Point.Y)), metric, Wgs84), stamp.Id, crs),
            ResultLayers.Build("project_needs", needs, ProposalColumns.Needs, _ => null, stamp.Id, crs),
            ResultLayers.Build("solver_runs", runs, ProposalColumns.Runs, _ => null, stamp.Id, crs),
        };
        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;
        metadata["result.urban_area_id"] = result.Needs.Area.Id;
        metadata["result.reserved_school_land_m2"] = result.Needs.ReservedM2?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
        var types = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["proposed_sites"] = sites.All(s => s.Site.Geometry is Polygon or MultiPolygon) ? "MULTIPOLYGON" : "GEOMETRY",
            ["catchments"] = "POINT",
            ["project_needs"] = null,
            ["solver_runs"] = null,
        };
        GeoPackageDataset.ReplaceLayers(path, layers, metadata, fresh: true, geometryTypes: types);
    }
}
