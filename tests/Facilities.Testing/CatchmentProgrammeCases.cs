using Facilities.Core.Programme;
using NetTopologySuite.Geometries;

namespace Facilities.Testing;

/// <summary>Programme instances under the catchment method (shared places): the hand-computed case and seeded random ones.</summary>
public static class CatchmentProgrammeCases
{
    /// <summary>
    /// Demand points of the hand case (docs/programme.md, "Catchment method"), service radius 1,200 m, along the x axis:
    /// ward A 70 pupils at x = 500; ward B 40 at 1,900 and 30 at 2,100 (near the border, within reach of both sites),
    /// 35 at 3,800 and 10 at 9,000 (out of every site's reach); a point at 2,000 with nobody unserved.
    /// </summary>
    public static IReadOnlyList<NeedPoint> HandPoints() =>
    [
        new("A", 500, 0, 1200, 70),
        new("B", 1900, 0, 1200, 40),
        new("B", 2000, 500, 1200, 0),
        new("B", 2100, 0, 1200, 30),
        new("B", 3800, 0, 1200, 35),
        new("B", 9000, 0, 1200, 10),
    ];

    /// <summary>
    /// Site s1 at x = 1,000 (ward A) with two size options, s1-2 (2 rooms, 20 billion) and s1-4 (4 rooms, 45 billion);
    /// site s2 at x = 3,000 (ward B), 3 rooms, 28 billion. One level, 35 pupils a room, 1-year builds, 2026–2027,
    /// 50 billion a year. Need each year: A 70 (reached by s1), B 70 (s1 and s2), B 35 (s2), B 10 (nothing): 185.
    /// Optimum s1-2 + s2 in 2026 (48): s1-2's 70 places seat A, s2's 105 seat B's 70 + 35 → 2027 keeps only the 10
    /// out of reach: 185 + 10 = 195. Greedy: B has the most need (B 230 vs A 140 pupil-years); of the actions reaching
    /// B, s1-4 seats the most (140: A's 70 and B's 70, against s2's 105 and s1-2's 70) and costs 45, leaving 5 for
    /// nothing else → 2027 keeps B's 35 + 10: 185 + 45 = 230.
    /// </summary>
    public static ProgrammeInstance Hand()
    {
        const string L = "tieu_hoc";
        ProgrammeAction Act(string id, string ward, int rooms, decimal cost, double x, string group) =>
            new(id, ActionKind.NewSchool, id, ward, L, rooms, cost * 1_000_000_000m, 0, 2026, 1) { Group = group, Location = new Point(x, 0) };
        List<ProgrammeAction> actions = [Act("s1-2", "A", 2, 20, 1000, "s1"), Act("s1-4", "A", 4, 45, 1000, "s1"), Act("s2", "B", 3, 28, 3000, "s2")];
        var cells = new[] { 2026, 2027 }.SelectMany(y => CatchmentNeeds.Cells(L, y, HandPoints(), actions, 35)).ToList();
        return new ProgrammeInstance(2026, 2027, cells, actions,
            new ProgrammeBudget(new Dictionary<int, decimal> { [2026] = 50_000_000_000m, [2027] = 50_000_000_000m }, false));
    }

    /// <summary>
    /// <see cref="ProgrammeCases.Random"/> with shared places: each cell is reached by the actions of its level in its
    /// own ward and, with probability 0.35 each, by those of the other wards; no equity rule.
    /// </summary>
    public static ProgrammeInstance Random(int seed, int wards, int levels, int years, int actions)
    {
        var basis = ProgrammeCases.Random(seed, wards, levels, years, actions);
        var rng = new Random(seed + 7919);
        var reach = new Dictionary<(string, string), List<string>>();
        foreach (var n in basis.Needs.Where(n => n.Year == basis.FromYear))
        {
            reach[(n.WardCode, n.Level)] = [.. basis.Actions.Where(a => a.Level == n.Level && (a.WardCode == n.WardCode || rng.NextDouble() < 0.35)).Select(a => a.Id)];
        }
        return basis with { Needs = [.. basis.Needs.Select(n => n with { ServedBy = reach[(n.WardCode, n.Level)] })] };
    }
}
