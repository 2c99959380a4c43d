using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Optimisation;
using Facilities.Core.Screening;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Facilities.Core.Proposals;

/// <summary>
/// Proposes school sites for an urban-area project (docs/sites.md, "Proposals"): its needs per level; then the levels
/// one after another (p = the schools needed, chosen among the screened parcels within the service radius of the area
/// to serve the pupils of the demand grid there, under maximal covering and p-median, exactly and greedily, a parcel
/// chosen for one level not offered to the next); and, with several levels under covering, all levels jointly in one
/// model in which they share the parcels (<see cref="JointProposer"/>). The better of the two on the joint objective is
/// the proposal, the other its comparison.
/// </summary>
public static class SiteProposer
{
    /// <summary>Computes the proposal.</summary>
    /// <param name="city">The city in its metric CRS (parcels not needed).</param>
    /// <param name="area">The urban-area project.</param>
    /// <param name="parcels">Parcels in the metric CRS; only those near the area are kept.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="options">Options.</param>
    /// <param name="solver">Exact solver (also of the joint model when it implements <see cref="IJointSitingSolver"/>), or null for greedy only.</param>
    /// <param name="progress">Receives the levels done (stage "levels").</param>
    public static ProposalResult Propose(
        CityModel city, GrowthArea area, IEnumerable<ParcelUnit> parcels, NormsSet norms, ProposalOptions options, ISitingSolver? solver,
        IProgress<Import.WorkProgress>? progress = null)
    {
        var needs = NeedsCalculator.Compute(city, area, norms, options.Year, options.Levels, options.TwoSessions);
        var suffix = needs.Urban ? ".urban" : ".rural";
        var radii = options.Levels.ToDictionary(l => l, l => (double)norms[$"service_radius_m.{l}{suffix}"]);
        // Parcels beyond the widest buffer can serve no level; their geometry is read only to decide that.
        var reach = area.Area.EnvelopeInternal.Copy();
        reach.ExpandBy(radii.Values.DefaultIfEmpty(0).Max());
        var near = parcels.Where(p => p.Geometry.EnvelopeInternal.Intersects(reach)).ToList();

        var keys = new List<string>();
        var inputs = new List<LevelInput>();
        foreach (var levelNeeds in needs.Levels)
        {
            var screening = new ScreeningOptions(levelNeeds.Level, options.Year)
            {
                Top = 0,
                AllowResidential = options.AllowResidential,
                TwoSessions = options.TwoSessions,
                PublicOnly = options.PublicOnly,
                GridSpacingMetres = options.GridSpacingMetres,
            };
            var screener = new ParcelScreener(city, norms, screening);
            keys.AddRange(screener.NormKeysUsed);
            inputs.Add(Prepare(city, area, near, norms, options, levelNeeds, radii[levelNeeds.Level], screener));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var sequential = new List<LevelProposal>();
        foreach (var input in inputs)
        {
            progress?.Report(new("levels", sequential.Count, needs.Levels.Count));
            var candidates = input.Candidates.Where(c => !c.ParcelIds.Any(taken.Contains)).ToList();
            var level = ProposeLevel(input, candidates, options, solver);
            foreach (var s in level.Sites)
            {
                taken.UnionWith(s.Site.ParcelIds);
            }

            sequential.Add(level);
        }

        progress?.Report(new("levels", sequential.Count, needs.Levels.Count));

        keys.AddRange(options.Levels.SelectMany(l => NeedsCalculator.KeyPrefixes.Select(k => k + l)));
        keys.AddRange(options.Levels.Select(l => (options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + l));
        var result = new ProposalResult
        {
            Options = options,
            Norms = norms,
            Needs = needs,
            Levels = sequential,
            Sequential = sequential,
            SolverName = solver?.Name ?? "",
            NormKeysUsed = [.. keys.Where(norms.Contains).Distinct().Order(StringComparer.Ordinal)],
        };
        if (options.Model != SitingModel.MaximalCovering || inputs.Count < 2)
        {
            return result;
        }

        var joint = JointProposer.Run(inputs, sequential, options, solver);
        result = result with { JointRuns = joint.Runs, JointUsed = joint.Used, JointLevels = joint.Levels };
        // The joint optimum is never below the sequential run (which is one of its solutions); a greedy-only joint
        // run can be, and then the sequential run stays the proposal.
        var (j, s2) = result.Comparison!.Value;
        return options.Joint && joint.Levels.Count > 0 && j.Objective >= s2.Objective - 1e-9 ? result with { Levels = joint.Levels } : result;
    }

    private static LevelInput Prepare(
        CityModel city, GrowthArea area, List<ParcelUnit> near, NormsSet norms, ProposalOptions options, LevelNeeds needs, double radius, ParcelScreener screener)
    {
        var region = area.Area.Buffer(radius);
        var prepared = PreparedGeometryFactory.Prepare(region);
        var insideArea = PreparedGeometryFactory.Prepare(area.Area);
        var candidates = screener.Screen(near).Candidates.Where(c => prepared.Contains(c.Geometry.Centroid)).ToList();
        var deficitOptions = new DeficitOptions(options.Year) { Levels = [needs.Level], TwoSessions = options.TwoSessions, PublicOnly = options.PublicOnly };
        var grid = CatchmentCalculator.PointsOf(city, norms, deficitOptions, new CatchmentOptions { GridSpacingMetres = options.GridSpacingMetres, CapacityLimited = options.UnservedOnly }, needs.Level);
        // Unserved pupils are those no existing school within reach has room for (capacity-limited allocation).
        var weights = options.UnservedOnly ? grid.Unserved : grid.Demand;
        var index = new List<int>();
        for (var i = 0; i < grid.Points.Count; i++)
        {
            if (prepared.Contains(new Point(grid.Points.X[i], grid.Points.Y[i])))
            {
                index.Add(i);
            }
        }

        return new LevelInput(needs, radius, candidates,
            [.. index.Select(i => grid.Points.X[i])], [.. index.Select(i => grid.Points.Y[i])], [.. index.Select(i => weights[i])],
            [.. index.Select(i => insideArea.Contains(new Point(grid.Points.X[i], grid.Points.Y[i])))]);
    }

    private static LevelProposal ProposeLevel(LevelInput input, List<CandidateSite> candidates, ProposalOptions options, ISitingSolver? solver)
    {
        var needs = input.Needs;
        var radius = input.RadiusM;
        var notes = new List<ProposalNote>();
        var p = Math.Min(needs.Schools, candidates.Count);
        if (needs.Schools == 0)
        {
            notes.Add(new("Dự án không cần trường cấp này (không có học sinh).", "The project needs no school of this level (no pupils)."));
        }
        else if (candidates.Count < needs.Schools)
        {
            notes.Add(new(
                $"Chỉ có {candidates.Count} địa điểm đạt điều kiện trong bán kính {radius:0} m quanh dự án, cần {needs.Schools} trường: cần tìm thêm đất.",
                $"Only {candidates.Count} sites pass every constraint within {radius:0} m of the project for {needs.Schools} schools needed: more land must be found."));
        }

        if (p > 0 && input.Pupils.Sum() <= 0)
        {
            notes.Add(new("Không có học sinh nào trong bán kính phục vụ quanh dự án: không chọn địa điểm.",
                "No pupils within the service radius of the project: no site is chosen."));
            p = 0;
        }

        if (p == 0)
        {
            return LevelSites.Empty(input, candidates, notes);
        }

        var instance = LevelSites.Instance(input, candidates, p);
        var solutions = new List<SitingSolution>();
        foreach (var model in new[] { SitingModel.MaximalCovering, SitingModel.PMedian })
        {
            if (solver is not null)
            {
                solutions.Add(solver.Solve(instance, model, options.Limits));
            }

            solutions.Add(GreedySiting.Solve(instance, model));
        }

        var exact = solutions.Find(s => s.Model == options.Model && s.Method != GreedySiting.MethodName);
        var used = exact is { HasSolution: true } ? exact : solutions.Find(s => s.Model == options.Model && s.Method == GreedySiting.MethodName)!;
        var fallback = solver is not null && !ReferenceEquals(used, exact);
        if (fallback)
        {
            notes.Add(new($"Bộ giải chính xác không cho lời giải ({exact!.Note}); dùng lời giải tham lam.",
                $"The exact solver gave no solution ({exact!.Note}); the greedy solution is used."));
        }

        var (sites, points) = LevelSites.Finish(input, candidates, instance, used.Chosen, options.Model == SitingModel.MaximalCovering, notes, new Dictionary<int, IReadOnlyList<string>>());
        return new LevelProposal
        {
            Level = needs.Level,
            Needs = needs,
            RadiusM = radius,
            Candidates = candidates,
            Points = points,
            Sites = sites,
            Solutions = solutions,
            Used = used,
            UsedFallback = fallback,
            Notes = notes,
        };
    }
}
