namespace Facilities.Core.Proposals;

/// <summary>One level's figures in a proposal variant (joint or sequential), for the comparison.</summary>
/// <param name="Level">School level.</param>
/// <param name="SchoolsNeeded">Schools the norms ask for.</param>
/// <param name="SitesPlaced">Sites chosen for the level.</param>
/// <param name="CoveredPupils">Pupils within the service radius of a chosen site of the level.</param>
/// <param name="TotalPupils">Pupils at the level's demand points.</param>
/// <param name="LandM2">Area of the level's chosen sites, m² (a combined school's whole site counts for each of its levels).</param>
/// <param name="WeightPerPupil">m² of site per pupil: the level's weight in the joint objective.</param>
public sealed record VariantLevel(
    string Level, int SchoolsNeeded, int SitesPlaced, double CoveredPupils, double TotalPupils, double LandM2, double WeightPerPupil);
