namespace Facilities.Core.Proposals;

/// <summary>
/// The figures of one way of solving the levels (joint or sequential), measured the same way, so that the dossier and
/// the console can say which is better and by how much.
/// </summary>
/// <param name="Name">"joint" or "sequential".</param>
/// <param name="Levels">Per level.</param>
/// <param name="LandUsedM2">Area of the distinct sites chosen, m² (a combined school's site once).</param>
public sealed record ProposalVariant(string Name, IReadOnlyList<VariantLevel> Levels, double LandUsedM2)
{
    /// <summary>The joint objective: Σ m² per pupil × covered pupils, i.e. m² of school land whose pupils are within reach.</summary>
    public double Objective => Levels.Sum(l => l.WeightPerPupil * l.CoveredPupils);

    /// <summary>Sites placed over the levels (a combined school once per level it teaches).</summary>
    public int SitesPlaced => Levels.Sum(l => l.SitesPlaced);

    /// <summary>Pupils covered over the levels.</summary>
    public double CoveredPupils => Levels.Sum(l => l.CoveredPupils);

    /// <summary>Levels that need schools but got no site.</summary>
    public IReadOnlyList<string> LevelsWithoutSite => [.. Levels.Where(l => l.SchoolsNeeded > 0 && l.SitesPlaced == 0).Select(l => l.Level)];

    /// <summary>The figures of <paramref name="levels"/>.</summary>
    public static ProposalVariant Of(string name, IReadOnlyList<LevelProposal> levels)
    {
        var rows = levels.Select(l => new VariantLevel(
            l.Level, l.Needs.Schools, l.Sites.Count, l.Sites.Sum(s => s.CoveredPupils), l.TotalPupils, l.Sites.Sum(s => s.Site.AreaM2),
            (double)l.Needs.LandPerPupilM2)).ToList();
        var land = levels.SelectMany(l => l.Sites).DistinctBy(s => string.Join('|', s.Site.ParcelIds)).Sum(s => s.Site.AreaM2);
        return new ProposalVariant(name, rows, land);
    }
}
