using Facilities.Core.Screening;

namespace Facilities.Core.Proposals;

/// <summary>What a level's siting starts from, the same for the sequential and the joint run.</summary>
/// <param name="Needs">The level's needs.</param>
/// <param name="RadiusM">Service radius, m.</param>
/// <param name="Candidates">Every screened site of the level within the buffer (none removed for other levels).</param>
/// <param name="X">Demand eastings within the buffer, m.</param>
/// <param name="Y">Demand northings, m.</param>
/// <param name="Pupils">Pupils at each demand point (the model weight).</param>
/// <param name="InsideArea">Whether each demand point lies inside the project.</param>
internal sealed record LevelInput(
    LevelNeeds Needs, double RadiusM, IReadOnlyList<CandidateSite> Candidates, double[] X, double[] Y, double[] Pupils, bool[] InsideArea)
{
    /// <summary>Key of a site across levels: its parcels (a merged group's id alone could differ in parcels between levels).</summary>
    public static string Key(CandidateSite site) => string.Join('|', site.ParcelIds);
}
