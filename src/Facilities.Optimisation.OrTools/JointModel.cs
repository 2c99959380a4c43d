using Facilities.Core.Optimisation;
using Google.OrTools.LinearSolver;

namespace Facilities.Optimisation.OrTools;

/// <summary>
/// The joint covering model as an OR-Tools MIP (docs/sites.md, "Joint model"):
/// max Σ_l α_l Σ_g w_lg y_lg subject to
/// y_lg ≤ Σ_{o teaches l, site(o) covers g} s_o (a group counts for level l only where a school of l reaches it),
/// Σ_{o teaches l} s_o ≤ p_l (at most the schools the level needs),
/// Σ_{o uses parcel q} s_o ≤ 1 (a parcel hosts one school, single-level or combined),
/// s binary, 0 ≤ y ≤ 1 (y is integral at an optimum).
/// </summary>
internal static class JointModel
{
    /// <summary>Builds the model into <paramref name="solver"/> and returns the option variables.</summary>
    public static Variable[] Build(Solver solver, JointSitingInstance instance)
    {
        var s = new Variable[instance.Options.Count];
        for (var o = 0; o < s.Length; o++)
        {
            s[o] = solver.MakeBoolVar($"s{o}");
        }

        var objective = solver.Objective();
        for (var l = 0; l < instance.Levels.Count; l++)
        {
            var level = instance.Levels[l];
            var count = solver.MakeConstraint(double.NegativeInfinity, level.Schools, $"p{l}");
            // Options teaching l, by site: a group's row sums the options of its covering sites.
            var bySite = new Dictionary<int, List<int>>();
            for (var o = 0; o < s.Length; o++)
            {
                if (instance.Options[o].Teaches(l))
                {
                    count.SetCoefficient(s[o], 1);
                    if (!bySite.TryGetValue(instance.Options[o].Site, out var list))
                    {
                        bySite[instance.Options[o].Site] = list = [];
                    }

                    list.Add(o);
                }
            }

            if (instance.LevelInstance(l) is not { } single || bySite.Count == 0)
            {
                continue;
            }

            var groups = single.Coverage.Groups(single.Weight);
            for (var g = 0; g < groups.Count; g++)
            {
                var options = groups[g].Sites.Where(bySite.ContainsKey).SelectMany(j => bySite[j]).ToList();
                if (options.Count == 0)
                {
                    continue; // no eligible site reaches the group: it can never count
                }

                var y = solver.MakeNumVar(0, 1, $"y{l}_{g}");
                var link = solver.MakeConstraint(double.NegativeInfinity, 0, $"c{l}_{g}");
                link.SetCoefficient(y, 1);
                foreach (var o in options)
                {
                    link.SetCoefficient(s[o], -1);
                }

                objective.SetCoefficient(y, level.WeightPerPupil * groups[g].Weight);
            }
        }

        var byParcel = new Dictionary<int, List<int>>();
        for (var o = 0; o < s.Length; o++)
        {
            foreach (var q in instance.SiteParcels[instance.Options[o].Site])
            {
                if (!byParcel.TryGetValue(q, out var list))
                {
                    byParcel[q] = list = [];
                }

                list.Add(o);
            }
        }

        foreach (var (q, options) in byParcel)
        {
            if (options.Count > 1)
            {
                var once = solver.MakeConstraint(double.NegativeInfinity, 1, $"q{q}");
                foreach (var o in options)
                {
                    once.SetCoefficient(s[o], 1);
                }
            }
        }

        objective.SetMaximization();
        return s;
    }
}
