namespace Facilities.Core.Optimisation;

/// <summary>
/// One level of a joint siting problem: its demand points, service radius, how many schools it needs, the weight of
/// one of its pupils in the objective, the land one of its schools needs, and which candidate sites passed its screening.
/// </summary>
/// <param name="Name">Level (mam_non, tieu_hoc, thcs, thpt).</param>
/// <param name="DemandX">Demand eastings, m.</param>
/// <param name="DemandY">Demand northings, m.</param>
/// <param name="Pupils">Pupils at each demand point (≥ 0).</param>
/// <param name="RadiusMetres">Service radius, m.</param>
/// <param name="Schools">Schools needed: at most this many sites host the level.</param>
/// <param name="WeightPerPupil">
/// Objective weight of one covered pupil: the m² of school site the norms give a pupil of the level, so the objective
/// is the school land (m²) whose pupils are within reach of a school of their level (docs/sites.md, "Joint model").
/// </param>
/// <param name="LandPerSchoolM2">Land one school of the level needs, m² (what it adds to a combined school's need).</param>
/// <param name="Eligible">Per candidate site: whether it passed this level's screening and lies within its buffer.</param>
public sealed record JointLevel(
    string Name, double[] DemandX, double[] DemandY, double[] Pupils, double RadiusMetres, int Schools, double WeightPerPupil,
    double LandPerSchoolM2, bool[] Eligible);
