using Facilities.Core.Features;
using Facilities.Core.Proposals;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
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
            ResultLayers.Build(ResultTable.Build("proposed_sites", sites, ProposalColumns.Sites(result), s => s.Level + ":" + s.Rank, s => Multi(s.Site.Geometry), stamp)),
            ResultLayers.Build(ResultTable.Build("catchments", points, ProposalColumns.Points, r => r.Level + ":" + r.Point.X.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r => Reprojector.Transform(factory.CreatePoint(new Coordinate(r.Point.X, r.Point.Y)), metric, Wgs84), stamp)),
            ResultLayers.Build(ResultTable.Build("project_needs", needs, ProposalColumns.Needs, n => n.Level, _ => null, stamp)),
            ResultLayers.Build(ResultTable.Build("solver_runs", runs, ProposalColumns.Runs, r => r.Level + ":" + r.Run.Method, _ => null, stamp)),
        };
        var metadata = ResultLayers.Metadata(stamp);
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
