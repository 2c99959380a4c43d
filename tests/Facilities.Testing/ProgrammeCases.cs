using Facilities.Core.Programme;

namespace Facilities.Testing;

/// <summary>Programme instances for tests and the benchmark: the hand-computed case and seeded random ones.</summary>
public static class ProgrammeCases
{
    /// <summary>
    /// 3 wards, 5 actions, 2 years (docs/programme.md, "Worked case"). One level, 35 pupils per classroom, budget 50 a
    /// year (billions of VND), no carry-over. Before: 2026 A 100, B 70, C 35; 2027 A 140, B 70, C 70 (= 485
    /// pupil-years). Only a start in 2026 serves a pupil inside the horizon (1-year builds), so 2026 holds 205 whatever
    /// is done. Optimum: a2 + a3 + a5 (cost 50) leaves A 70, B 0, C 35 in 2027 → 205 + 105 = 310. Greedy takes the
    /// largest deficit (A, 240 pupil-years) with its most useful option a1 (140 seats, cost 40), then nothing else
    /// fits in the 10 left → 205 + 140 = 345.
    /// </summary>
    public static ProgrammeInstance Hand(EquityRule? equity = null)
    {
        const string L = "tieu_hoc";
        NeedCell Cell(string w, int y, double s) => new(w, L, y, s, 35);
        ProgrammeAction Act(string id, string w, int rooms, decimal cost, int earliest, string group = "") =>
            new(id, ActionKind.NewSchool, id, w, L, rooms, cost * 1_000_000_000m, 0, earliest, 1) { Group = group };
        return new ProgrammeInstance(2026, 2027,
            [Cell("A", 2026, 100), Cell("B", 2026, 70), Cell("C", 2026, 35), Cell("A", 2027, 140), Cell("B", 2027, 70), Cell("C", 2027, 70)],
            [
                Act("a1", "A", 4, 40, 2026, "siteA"),
                Act("a2", "A", 2, 18, 2026, "siteA"),
                Act("a3", "B", 2, 20, 2026),
                Act("a4", "C", 2, 15, 2027),
                Act("a5", "C", 1, 12, 2026),
            ],
            new ProgrammeBudget(new Dictionary<int, decimal> { [2026] = 50_000_000_000m, [2027] = 50_000_000_000m }, false))
        {
            Equity = equity,
        };
    }

    /// <summary>
    /// A random instance: <paramref name="wards"/> wards × <paramref name="levels"/> levels × <paramref name="years"/>
    /// years from 2026, <paramref name="actions"/> actions (1–2 year builds, earliest starts over the horizon, some
    /// sharing a site), budget per year around a third of the yearly cost of all actions, carry-over on odd seeds.
    /// </summary>
    public static ProgrammeInstance Random(int seed, int wards, int levels, int years, int actions, EquityRule? equity = null)
    {
        var rng = new Random(seed);
        string[] levelCodes = ["mam_non", "tieu_hoc", "thcs", "thpt"];
        double[] perRoom = [30, 35, 75, 75];
        var needs = new List<NeedCell>();
        for (var w = 0; w < wards; w++)
        {
            for (var l = 0; l < levels; l++)
            {
                var start = rng.Next(0, 400);
                var growth = rng.Next(0, 120);
                for (var y = 0; y < years; y++)
                {
                    needs.Add(new NeedCell($"W{w:000}", levelCodes[l], 2026 + y, Math.Max(0, start + (growth * y) - 100), perRoom[l]));
                }
            }
        }
        var list = new List<ProgrammeAction>();
        for (var a = 0; a < actions; a++)
        {
            var l = rng.Next(levels);
            var rooms = rng.Next(2, 30);
            var cost = rooms * (decimal)(1.2 + rng.NextDouble()) * 1_000_000_000m;
            var group = rng.Next(4) == 0 && a > 0 ? list[rng.Next(list.Count)].GroupKey : "";
            var ward = group.Length > 0 ? list.First(x => x.GroupKey == group).WardCode : $"W{rng.Next(wards):000}";
            var earliest = 2026 + rng.Next(Math.Max(1, years - 1));
            var build = rooms >= 20 ? 2 : 1;
            list.Add(new ProgrammeAction($"r{a}", ActionKind.NewSchool, $"r{a}", ward, levelCodes[l], rooms, cost, 0, earliest, build) { Group = group });
        }
        var yearly = list.Sum(x => x.CostVnd) / years / 3;
        var budget = Enumerable.Range(2026, years).ToDictionary(y => y, _ => Math.Round(yearly * (decimal)(0.5 + rng.NextDouble()), 0));
        return new ProgrammeInstance(2026, 2026 + years - 1, needs, list, new ProgrammeBudget(budget, seed % 2 == 1)) { Equity = equity };
    }
}
