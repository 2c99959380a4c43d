namespace Facilities.Core.Catchment;

/// <summary>The catchment rows of one level: one per ward (in ward order) and one per school (in school order).</summary>
/// <param name="Wards">One row per ward of <see cref="CatchmentInputs.Wards"/>, in that order.</param>
/// <param name="Schools">One row per school of <see cref="CatchmentInputs.Schools"/>, in that order.</param>
public sealed record CatchmentLevelRows(IReadOnlyList<CatchmentWardRow> Wards, IReadOnlyList<CatchmentSchoolRow> Schools);
