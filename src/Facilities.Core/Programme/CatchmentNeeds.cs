using NetTopologySuite.Geometries;

namespace Facilities.Core.Programme;

/// <summary>
/// The catchment method's need cells (docs/programme.md, "Catchment method"): the unserved pupils of one level and
/// year, grouped by ward and by the set of candidate actions whose site lies within their service radius. Pupils
/// with the same ward and the same reachable actions are interchangeable for the programme, so the grouping loses
/// nothing and keeps the model small.
/// </summary>
public static class CatchmentNeeds
{
    /// <summary>The cells of one level and year, in ward order then by reach.</summary>
    /// <param name="level">Level.</param>
    /// <param name="year">School year.</param>
    /// <param name="points">Demand points with their unserved pupils (points without any are skipped).</param>
    /// <param name="actions">Candidate actions; those of <paramref name="level"/> with a location may reach a point.</param>
    /// <param name="pupilsPerClassroom">Places one classroom adds: class cap ÷ rooms per class.</param>
    public static IReadOnlyList<NeedCell> Cells(string level, int year, IEnumerable<NeedPoint> points, IEnumerable<ProgrammeAction> actions, double pupilsPerClassroom)
    {
        var sites = actions.Where(a => a.Level == level && a.Location is not null)
            .Select(a => (a.Id, Centre: a.Location is Point p ? p.Coordinate : a.Location!.Centroid.Coordinate))
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var cells = new Dictionary<(string Ward, string Reach), (double Pupils, List<string> Ids)>();
        foreach (var p in points.Where(p => p.Unserved > 0))
        {
            var ids = sites.Where(s => Within(s.Centre, p)).Select(s => s.Id).ToList();
            var key = (p.WardCode, string.Join("\n", ids));
            cells[key] = cells.TryGetValue(key, out var c) ? (c.Pupils + p.Unserved, c.Ids) : (p.Unserved, ids);
        }
        return
        [
            .. cells.OrderBy(c => c.Key.Ward, StringComparer.Ordinal).ThenBy(c => c.Key.Reach, StringComparer.Ordinal)
                .Select(c => new NeedCell(c.Key.Ward, level, year, c.Value.Pupils, pupilsPerClassroom) { ServedBy = c.Value.Ids }),
        ];
    }

    private static bool Within(Coordinate site, NeedPoint p)
    {
        var (dx, dy) = (site.X - p.X, site.Y - p.Y);
        return (dx * dx) + (dy * dy) <= p.RadiusMetres * p.RadiusMetres;
    }
}
