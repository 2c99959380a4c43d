namespace Facilities.Core.Optimisation;

/// <summary>
/// A joint siting problem: several levels share one list of candidate sites, and a site hosts at most one school,
/// which may be a combined school of an allowed combination of levels (docs/sites.md, "Joint model"). Sites made of
/// the same parcel (a parcel alone and a merged group holding it) exclude each other: a parcel hosts one school.
/// </summary>
public sealed class JointSitingInstance
{
    private readonly SitingInstance?[] _perLevel;

    /// <summary>Creates and checks an instance, and lists every option (site × single level or allowed combination).</summary>
    /// <param name="levels">The levels, each with its eligibility over the sites.</param>
    /// <param name="siteX">Site eastings, m.</param>
    /// <param name="siteY">Site northings, m.</param>
    /// <param name="siteAreaM2">Site areas, m².</param>
    /// <param name="siteParcels">Parcel indices each site is made of (sites sharing a parcel exclude each other).</param>
    /// <param name="combinations">Sets of level names that may share one site as a combined school; levels absent here are ignored.</param>
    public JointSitingInstance(
        IReadOnlyList<JointLevel> levels, double[] siteX, double[] siteY, double[] siteAreaM2, int[][] siteParcels,
        IReadOnlyList<IReadOnlyList<string>> combinations)
    {
        var n = siteX.Length;
        if (siteY.Length != n || siteAreaM2.Length != n || siteParcels.Length != n)
        {
            throw new ArgumentException("site arrays differ in length");
        }

        if (levels.Any(l => l.Eligible.Length != n || l.Schools < 0 || !(l.WeightPerPupil >= 0)))
        {
            throw new ArgumentException("each level needs one eligibility flag per site, schools ≥ 0 and a weight ≥ 0");
        }

        Levels = levels;
        SiteX = siteX;
        SiteY = siteY;
        SiteAreaM2 = siteAreaM2;
        SiteParcels = siteParcels;
        // The per-level instance carries the level's demand over all sites; p is not used by the joint model.
        _perLevel = [.. levels.Select(l => n == 0 ? null : new SitingInstance(l.DemandX, l.DemandY, l.Pupils, siteX, siteY, l.RadiusMetres, 1))];
        var index = levels.Select((l, i) => (l.Name, i)).ToDictionary(t => t.Name, t => t.i, StringComparer.Ordinal);
        var combos = combinations
            .Where(c => c.Count > 1 && c.All(index.ContainsKey))
            .Select(c => c.Select(name => index[name]).Distinct().Order().ToArray())
            .Where(c => c.Length > 1)
            .DistinctBy(c => string.Join(',', c))
            .ToList();
        Combinations = combos;
        var options = new List<JointSiteOption>();
        for (var j = 0; j < n; j++)
        {
            for (var l = 0; l < levels.Count; l++)
            {
                if (levels[l].Eligible[j] && levels[l].Schools > 0)
                {
                    options.Add(new JointSiteOption(j, [l]));
                }
            }

            foreach (var c in combos)
            {
                // A combined school needs the summed land of one school of each of its levels.
                if (c.All(l => levels[l].Eligible[j] && levels[l].Schools > 0) && siteAreaM2[j] >= c.Sum(l => levels[l].LandPerSchoolM2))
                {
                    options.Add(new JointSiteOption(j, c));
                }
            }
        }

        Options = options;
    }

    /// <summary>The levels.</summary>
    public IReadOnlyList<JointLevel> Levels { get; }

    /// <summary>Site eastings, m.</summary>
    public double[] SiteX { get; }

    /// <summary>Site northings, m.</summary>
    public double[] SiteY { get; }

    /// <summary>Site areas, m².</summary>
    public double[] SiteAreaM2 { get; }

    /// <summary>Parcel indices of each site.</summary>
    public int[][] SiteParcels { get; }

    /// <summary>Allowed combinations present in this instance, as ascending level indices.</summary>
    public IReadOnlyList<int[]> Combinations { get; }

    /// <summary>Every option: site × level it is eligible for, then site × allowed combination that fits.</summary>
    public IReadOnlyList<JointSiteOption> Options { get; }

    /// <summary>Number of candidate sites.</summary>
    public int SiteCount => SiteX.Length;

    /// <summary>Level <paramref name="level"/> as a single-level instance over all sites (null without sites).</summary>
    public SitingInstance? LevelInstance(int level) => _perLevel[level];
}
