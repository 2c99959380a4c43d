using System.Globalization;
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
/// Proposes school sites for an urban-area project (docs/sites.md, "Proposals"): its needs per level, then for each
/// level p = the schools needed, chosen among the screened parcels within the service radius of the area to serve
/// the pupils of the demand grid there, under maximal covering and p-median, exactly (an <see cref="ISitingSolver"/>)
/// and greedily.
/// </summary>
public static class SiteProposer
{
    /// <summary>Computes the proposal.</summary>
    /// <param name="city">The city in its metric CRS (parcels not needed).</param>
    /// <param name="area">The urban-area project.</param>
    /// <param name="parcels">Parcels in the metric CRS; only those near the area are kept.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="options">Options.</param>
    /// <param name="solver">Exact solver, or null for the greedy solutions only.</param>
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

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var levels = new List<LevelProposal>();
        var keys = new List<string>();
        foreach (var levelNeeds in needs.Levels)
        {
            progress?.Report(new("levels", levels.Count, needs.Levels.Count));
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
            var level = ProposeLevel(city, area, near, norms, options, solver, levelNeeds, radii[levelNeeds.Level], screener, taken);
            foreach (var s in level.Sites)
            {
                taken.UnionWith(s.Site.ParcelIds);
            }

            levels.Add(level);
        }

        progress?.Report(new("levels", levels.Count, needs.Levels.Count));

        keys.AddRange(options.Levels.SelectMany(l => NeedsCalculator.KeyPrefixes.Select(k => k + l)));
        keys.AddRange(options.Levels.Select(l => (options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + l));
        return new ProposalResult
        {
            Options = options,
            Norms = norms,
            Needs = needs,
            Levels = levels,
            SolverName = solver?.Name ?? "",
            NormKeysUsed = [.. keys.Where(norms.Contains).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    private static LevelProposal ProposeLevel(
        CityModel city, GrowthArea area, List<ParcelUnit> near, NormsSet norms, ProposalOptions options, ISitingSolver? solver,
        LevelNeeds needs, double radius, ParcelScreener screener, HashSet<string> taken)
    {
        var region = area.Area.Buffer(radius);
        var prepared = PreparedGeometryFactory.Prepare(region);
        var insideArea = PreparedGeometryFactory.Prepare(area.Area);
        var candidates = screener.Screen(near).Candidates
            .Where(c => !c.ParcelIds.Any(taken.Contains) && prepared.Contains(c.Geometry.Centroid))
            .ToList();

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

        var points = index.Select(i => (X: grid.Points.X[i], Y: grid.Points.Y[i], W: weights[i])).ToList();
        if (p > 0 && points.Sum(q => q.W) <= 0)
        {
            notes.Add(new("Không có học sinh nào trong bán kính phục vụ quanh dự án: không chọn địa điểm.",
                "No pupils within the service radius of the project: no site is chosen."));
            p = 0;
        }
        if (p == 0)
        {
            return new LevelProposal
            {
                Level = needs.Level,
                Needs = needs,
                RadiusM = radius,
                Candidates = candidates,
                Points = [.. points.Select(q => new ProposalPoint(q.X, q.Y, q.W, 0, double.NaN, insideArea.Contains(new Point(q.X, q.Y)), false))],
                Sites = [],
                Solutions = [],
                Notes = notes,
            };
        }

        var centres = candidates.Select(c => c.Geometry.Centroid).ToList();
        var instance = new SitingInstance(
            [.. points.Select(q => q.X)], [.. points.Select(q => q.Y)], [.. points.Select(q => q.W)],
            [.. centres.Select(c => c.X)], [.. centres.Select(c => c.Y)], radius, p);
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

        var assignment = SitingEvaluator.Assign(instance, [.. used.Chosen], withinRadius: options.Model == SitingModel.MaximalCovering);
        var sites = Rank(needs.Level, instance, candidates, used.Chosen, assignment);
        // Candidates only had to fit the smallest school of the level; the number of schools assumes schools of the
        // largest size. Say which chosen sites are too small for their share of the land, with the shortfall.
        var perSchool = (double)needs.LandPerSchoolM2;
        var small = sites.Where(s => s.Site.AreaM2 < perSchool).ToList();
        if (small.Count > 0)
        {
            var list = string.Join(", ", small.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Site.Id} ({s.Site.AreaM2:N0} m²)")));
            var missing = string.Create(CultureInfo.InvariantCulture, $"{small.Sum(s => perSchool - s.Site.AreaM2):N0}");
            var share = string.Create(CultureInfo.InvariantCulture, $"{perSchool:N0}");
            notes.Add(new(
                $"{small.Count} địa điểm nhỏ hơn phần đất của một trường ({share} m²): {list}; thiếu tổng cộng {missing} m² — cần mở rộng, gộp thửa hoặc chia nhỏ trường.",
                $"{small.Count} site(s) are smaller than one school's share of the land ({share} m²): {list}; {missing} m² short in all — enlarge, merge parcels or plan smaller schools."));
        }

        // Candidate index → rank, by reference: two candidates never share an object.
        var rankOf = used.Chosen.ToDictionary(j => j, j => sites.First(s => ReferenceEquals(s.Site, candidates[j])).Rank);
        var proposalPoints = points.Select((q, i) => new ProposalPoint(
            q.X, q.Y, q.W, assignment[i] < 0 ? 0 : rankOf[assignment[i]], assignment[i] < 0 ? double.NaN : instance.Distance(i, assignment[i]),
            insideArea.Contains(new Point(q.X, q.Y)),
            assignment[i] >= 0 && instance.Distance(i, assignment[i]) <= instance.RadiusMetres)).ToList();
        return new LevelProposal
        {
            Level = needs.Level,
            Needs = needs,
            RadiusM = radius,
            Candidates = candidates,
            Points = proposalPoints,
            Sites = sites,
            Solutions = solutions,
            Used = used,
            UsedFallback = fallback,
            Notes = notes,
        };
    }

    private static List<ProposedSite> Rank(string level, SitingInstance instance, List<CandidateSite> candidates, IReadOnlyList<int> chosen, int[] assignment)
    {
        var rows = chosen.Select(j =>
        {
            double covered = 0, within = 0, distance = 0, assigned = 0;
            var count = 0;
            for (var i = 0; i < instance.DemandCount; i++)
            {
                var d = instance.Distance(i, j);
                if (d <= instance.RadiusMetres)
                {
                    within += instance.Weight[i];
                }

                if (assignment[i] == j)
                {
                    count++;
                    assigned += instance.Weight[i];
                    distance += instance.Weight[i] * d;
                    covered += d <= instance.RadiusMetres ? instance.Weight[i] : 0;
                }
            }

            return (J: j, Covered: covered, Within: within, Count: count, Mean: assigned > 0 ? distance / assigned : 0);
        });
        return [.. rows.OrderByDescending(r => r.Covered).ThenBy(r => candidates[r.J].Id, StringComparer.Ordinal)
            .Select((r, k) => new ProposedSite(level, k + 1, candidates[r.J], r.Covered, r.Within, r.Count, r.Mean))];
    }
}
