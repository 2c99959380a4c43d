using System.Globalization;
using Facilities.Core.Proposals;
using Facilities.Core.Results;
using Facilities.Core.Spatial;
using NetTopologySuite.Geometries;

namespace Facilities.Application.Results;

/// <summary>
/// The tables of a proposal run (EPSG:4326): the proposed sites (multipolygons), the catchments (the demand points
/// with the site each is assigned to), the project's needs per level and in total, and every solver run.
/// </summary>
/// <param name="Sites">proposed_sites.</param>
/// <param name="Catchments">catchments.</param>
/// <param name="Needs">project_needs.</param>
/// <param name="Runs">solver_runs.</param>
public sealed record ProposalTables(ResultTable Sites, ResultTable Catchments, ResultTable Needs, ResultTable Runs)
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);

    /// <summary>The tables of <paramref name="run"/>, whose geometries are in the city's metric CRS.</summary>
    public static ProposalTables Of(DatasetContext d, Computed<ProposalResult> run)
    {
        var (result, stamp, metric) = (run.Result, run.Stamp, d.City.MetricCrs);
        var factory = new GeometryFactory(new PrecisionModel(), CrsRegistry.Wgs84Srid);
        var sites = result.Levels.SelectMany(l => l.Sites).ToList();
        var points = result.Levels
            .SelectMany(l => l.Points.Select((p, i) => (l.Level, Point: p, SiteId: p.SiteRank == 0 ? "" : l.Sites[p.SiteRank - 1].Site.Id, Index: i)))
            .ToList();
        var needs = result.Needs.Levels.Append(new LevelNeeds("total", result.Needs.Levels.Sum(n => n.Pupils), result.Needs.Levels.Sum(n => n.Classes),
            result.Needs.Levels.Sum(n => n.Classrooms), result.Needs.Levels.Sum(n => n.Schools), 0, 0, result.Needs.LandM2));
        var runs = result.Levels.SelectMany(l => l.Solutions.Select((s, i) => (l.Level, Run: s, Index: i))).ToList();
        Geometry Multi(Geometry g)
        {
            var wgs = Reprojector.Transform(g, metric, Wgs84);
            return wgs is Polygon p ? factory.CreateMultiPolygon([p]) : wgs;
        }

        return new ProposalTables(
            ResultTable.Build("proposed_sites", sites, ProposalColumns.Sites(result), s => s.Level + ":" + s.Rank.ToString(CultureInfo.InvariantCulture), s => Multi(s.Site.Geometry), stamp),
            ResultTable.Build("catchments", points.Select(p => (p.Level, p.Point, p.SiteId)), ProposalColumns.Points,
                r => r.Level + ":" + r.Point.X.ToString("R", CultureInfo.InvariantCulture) + "," + r.Point.Y.ToString("R", CultureInfo.InvariantCulture),
                r => Reprojector.Transform(factory.CreatePoint(new Coordinate(r.Point.X, r.Point.Y)), metric, Wgs84), stamp),
            ResultTable.Build("project_needs", needs, ProposalColumns.Needs, n => n.Level, _ => null, stamp),
            ResultTable.Build("solver_runs", runs.Select(r => (r.Level, r.Run)), ProposalColumns.Runs, r => r.Level + ":" + r.Run.Method, _ => null, stamp));
    }
}
