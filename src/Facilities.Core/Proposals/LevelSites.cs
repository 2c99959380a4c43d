using System.Globalization;
using Facilities.Core.Optimisation;
using Facilities.Core.Screening;

namespace Facilities.Core.Proposals;

/// <summary>Turns one level's chosen candidates into ranked sites and assigned demand points (sequential and joint alike).</summary>
internal static class LevelSites
{
    /// <summary>The level's demand over <paramref name="candidates"/>, choosing <paramref name="p"/> (≥ 1, ≤ candidates).</summary>
    public static SitingInstance Instance(LevelInput input, IReadOnlyList<CandidateSite> candidates, int p)
    {
        var centres = candidates.Select(c => c.Geometry.Centroid).ToList();
        return new SitingInstance(input.X, input.Y, input.Pupils, [.. centres.Select(c => c.X)], [.. centres.Select(c => c.Y)], input.RadiusM, p);
    }

    /// <summary>A level without sites: its demand points, unassigned.</summary>
    public static LevelProposal Empty(LevelInput input, IReadOnlyList<CandidateSite> candidates, List<ProposalNote> notes, IReadOnlyList<SitingSolution>? solutions = null) => new()
    {
        Level = input.Needs.Level,
        Needs = input.Needs,
        RadiusM = input.RadiusM,
        Candidates = candidates,
        Points = [.. input.X.Select((x, i) => new ProposalPoint(x, input.Y[i], input.Pupils[i], 0, double.NaN, input.InsideArea[i], false))],
        Sites = [],
        Solutions = solutions ?? [],
        Notes = notes,
    };

    /// <summary>
    /// Ranks the chosen sites and assigns each demand point to its nearest chosen site (within the radius when
    /// <paramref name="withinRadius"/>), and names in <paramref name="notes"/> the sites smaller than one school's share.
    /// </summary>
    public static (List<ProposedSite> Sites, List<ProposalPoint> Points) Finish(
        LevelInput input, IReadOnlyList<CandidateSite> candidates, SitingInstance instance, IReadOnlyList<int> chosen, bool withinRadius,
        List<ProposalNote> notes, IReadOnlyDictionary<int, IReadOnlyList<string>> combined)
    {
        var needs = input.Needs;
        var assignment = SitingEvaluator.Assign(instance, [.. chosen], withinRadius);
        var sites = Rank(needs.Level, instance, candidates, chosen, assignment, combined);
        // Candidates only had to fit the smallest school of the level; the number of schools assumes schools of the
        // largest size. Say which chosen sites are too small for their share of the land, with the shortfall.
        var perSchool = (double)needs.LandPerSchoolM2;
        var small = sites.Where(s => s.Site.AreaM2 < perSchool && s.CombinedLevels.Count == 0).ToList();
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
        var rankOf = chosen.ToDictionary(j => j, j => sites.First(s => ReferenceEquals(s.Site, candidates[j])).Rank);
        var points = input.X.Select((x, i) => new ProposalPoint(
            x, input.Y[i], input.Pupils[i], assignment[i] < 0 ? 0 : rankOf[assignment[i]], assignment[i] < 0 ? double.NaN : instance.Distance(i, assignment[i]),
            input.InsideArea[i],
            assignment[i] >= 0 && instance.Distance(i, assignment[i]) <= instance.RadiusMetres)).ToList();
        return (sites, points);
    }

    private static List<ProposedSite> Rank(
        string level, SitingInstance instance, IReadOnlyList<CandidateSite> candidates, IReadOnlyList<int> chosen, int[] assignment,
        IReadOnlyDictionary<int, IReadOnlyList<string>> combined)
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
            .Select((r, k) => new ProposedSite(level, k + 1, candidates[r.J], r.Covered, r.Within, r.Count, r.Mean)
            {
                CombinedLevels = combined.TryGetValue(r.J, out var c) ? c : [],
            })];
    }
}
