namespace Facilities.Core.Compliance;

/// <summary>One check of one school against a norm.</summary>
/// <param name="Name">Check key: site_area, classrooms, subject_rooms, sports_ground, toilets.</param>
/// <param name="Status">Pass, fail, unknown or not applicable.</param>
/// <param name="Actual">What the school has, in <paramref name="Unit"/>; null when unknown.</param>
/// <param name="Required">What the norm asks, in <paramref name="Unit"/>; null when it cannot be computed.</param>
/// <param name="Unit">Unit of actual, required and gap.</param>
/// <param name="NormKey">The norm used (its source is in the norms file).</param>
public sealed record ComplianceCheck(string Name, CheckStatus Status, double? Actual, double? Required, string Unit, string NormKey)
{
    /// <summary>Actual − required in the norm's unit (negative: short by that much); null when unknown.</summary>
    public double? Gap => Actual is double a && Required is double r ? a - r : null;
}
