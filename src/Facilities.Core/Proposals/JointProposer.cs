using Facilities.Core.Optimisation;
using Facilities.Core.Presentation;
using Facilities.Core.Screening;

namespace Facilities.Core.Proposals;

/// <summary>
/// The levels solved jointly (docs/sites.md, "Joint model"): one covering model over the union of the levels'
/// candidate sites, in which a parcel hosts at most one school — of one level, or a combined school of an allowed
/// combination (<see cref="CombinedSchools"/>) on a site holding the summed land — and each level gets at most the
/// schools it needs; a covered pupil counts by the m² of site the norms give a pupil of the level. The sequential
/// solution is the solver's starting point, so the joint optimum is never below it.
/// </summary>
internal static class JointProposer
{
    /// <summary>The joint runs (exact when the solver can, then greedy), the run used and the levels it gives.</summary>
    public static (IReadOnlyList<JointSitingSolution> Runs, JointSitingSolution? Used, IReadOnlyList<LevelProposal> Levels) Run(
        IReadOnlyList<LevelInput> inputs, IReadOnlyList<LevelProposal> sequential, ProposalOptions options, ISitingSolver? solver)
    {
        // The union of the levels' sites, keyed by their parcels; each level keeps its own screened record of a site.
        var siteOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sites = new List<CandidateSite>();
        foreach (var c in inputs.SelectMany(i => i.Candidates))
        {
            if (siteOf.TryAdd(LevelInput.Key(c), sites.Count))
            {
                sites.Add(c);
            }
        }

        var parcelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var siteParcels = sites.Select(s => s.ParcelIds.Select(q => parcelOf.TryGetValue(q, out var k) ? k : parcelOf[q] = parcelOf.Count).ToArray()).ToArray();
        var centres = sites.Select(s => s.Geometry.Centroid).ToList();
        var levels = inputs.Select(i =>
        {
            var eligible = new bool[sites.Count];
            foreach (var c in i.Candidates)
            {
                eligible[siteOf[LevelInput.Key(c)]] = true;
            }

            // As in the sequential run: no pupils within reach, no school.
            var schools = i.Pupils.Sum() > 0 ? i.Needs.Schools : 0;
            return new JointLevel(i.Needs.Level, i.X, i.Y, i.Pupils, i.RadiusM, schools, (double)i.Needs.LandPerPupilM2, (double)i.Needs.LandPerSchoolM2, eligible);
        }).ToList();
        var instance = new JointSitingInstance(levels, [.. centres.Select(c => c.X)], [.. centres.Select(c => c.Y)], [.. sites.Select(s => s.AreaM2)],
            siteParcels, options.AllowCombined ? CombinedSchools.Allowed : []);

        var hint = new List<int>();
        for (var l = 0; l < sequential.Count; l++)
        {
            foreach (var s in sequential[l].Sites)
            {
                var j = siteOf[LevelInput.Key(s.Site)];
                var o = FindOption(instance, j, l);
                if (o >= 0)
                {
                    hint.Add(o);
                }
            }
        }

        var runs = new List<JointSitingSolution>();
        if (solver is IJointSitingSolver exact)
        {
            runs.Add(exact.SolveJoint(instance, options.Limits, hint));
        }

        var greedy = JointGreedy.Solve(instance);
        runs.Add(greedy);
        var used = runs.First(r => r.HasSolution);
        var fallback = runs.Count > 1 && ReferenceEquals(used, greedy);
        var result = inputs.Select((input, l) => Level(input, l, instance, sites, used, fallback)).ToList();
        return (runs, used, result);
    }

    private static int FindOption(JointSitingInstance instance, int site, int level)
    {
        for (var o = 0; o < instance.Options.Count; o++)
        {
            if (instance.Options[o].Site == site && instance.Options[o].Levels is [var only] && only == level)
            {
                return o;
            }
        }

        return -1;
    }

    private static LevelProposal Level(LevelInput input, int l, JointSitingInstance instance, List<CandidateSite> sites, JointSitingSolution used, bool fallback)
    {
        var needs = input.Needs;
        var notes = new List<ProposalNote>();
        var options = used.Chosen.Select(o => instance.Options[o]).Where(o => o.Teaches(l)).ToList();
        var index = input.Candidates.Select((c, k) => (Key: LevelInput.Key(c), k)).ToDictionary(t => t.Key, t => t.k, StringComparer.Ordinal);
        var chosen = options.Select(o => index[LevelInput.Key(sites[o.Site])]).Order().ToList();
        var combined = options.Where(o => o.Combined).ToDictionary(
            o => index[LevelInput.Key(sites[o.Site])], o => (IReadOnlyList<string>)[.. o.Levels.Select(k => instance.Levels[k].Name)]);
        if (fallback)
        {
            notes.Add(new("Bộ giải chính xác không giải được mô hình chung; dùng lời giải tham lam.",
                "The exact solver gave no solution of the joint model; the greedy solution is used."));
        }

        if (needs.Schools == 0)
        {
            notes.Add(new("Dự án không cần trường cấp này (không có học sinh).", "The project needs no school of this level (no pupils)."));
        }
        else if (instance.Levels[l].Schools == 0)
        {
            notes.Add(new("Không có học sinh nào trong bán kính phục vụ quanh dự án: không chọn địa điểm.",
                "No pupils within the service radius of the project: no site is chosen."));
        }
        else if (chosen.Count < needs.Schools)
        {
            notes.Add(new(
                $"Mô hình chung đặt được {chosen.Count}/{needs.Schools} trường cấp này ({input.Candidates.Count} địa điểm đạt điều kiện, dùng chung với các cấp khác): cần tìm thêm đất.",
                $"The joint model placed {chosen.Count} of the {needs.Schools} schools of this level ({input.Candidates.Count} sites pass, shared with the other levels): more land must be found."));
        }

        foreach (var (k, levels) in combined)
        {
            var names = string.Join(" + ", levels.Select(Labels.Level.Vi));
            var en = string.Join(" + ", levels.Select(Labels.Level.En));
            notes.Add(new($"Địa điểm {input.Candidates[k].Id} là trường phổ thông nhiều cấp học ({names}), diện tích đủ tổng đất của các cấp.",
                $"Site {input.Candidates[k].Id} is a combined school ({en}), large enough for the summed land of its levels."));
        }

        var method = $"{used.Method} (joint)";
        if (chosen.Count == 0)
        {
            return LevelSites.Empty(input, input.Candidates, notes) with { UsedFallback = fallback };
        }

        var levelInstance = LevelSites.Instance(input, input.Candidates, chosen.Count);
        var (proposed, points) = LevelSites.Finish(input, input.Candidates, levelInstance, chosen, withinRadius: true, notes, combined);
        var solution = new SitingSolution
        {
            Model = SitingModel.MaximalCovering,
            Method = method,
            Status = used.Status,
            Chosen = chosen,
            Objective = SitingEvaluator.Covered(levelInstance, chosen),
            Seconds = used.Seconds,
            Note = "mô hình chung các cấp / joint model over the levels: bound and gap in the joint run",
        };
        return new LevelProposal
        {
            Level = needs.Level,
            Needs = needs,
            RadiusM = input.RadiusM,
            Candidates = input.Candidates,
            Points = points,
            Sites = proposed,
            Solutions = [solution],
            Used = solution,
            UsedFallback = fallback,
            Notes = notes,
        };
    }
}
