namespace Facilities.Core.Compliance;

/// <summary>Every check of one school (one level).</summary>
/// <param name="SchoolId">School id.</param>
/// <param name="SchoolName">Name.</param>
/// <param name="Level">Level.</param>
/// <param name="WardCode">Ward code.</param>
/// <param name="Checks">The checks, in <see cref="ComplianceChecker.CheckNames"/> order.</param>
public sealed record ComplianceRow(string SchoolId, string SchoolName, string Level, string WardCode, IReadOnlyList<ComplianceCheck> Checks)
{
    /// <summary>The check with this name.</summary>
    public ComplianceCheck this[string name] => Checks.First(c => c.Name == name);

    /// <summary>
    /// The school's overall status: fail when any check fails; otherwise unknown when any check lacks its data or no
    /// check applies (nothing was shown to pass); otherwise pass. Checks that do not apply at the level count for nothing.
    /// </summary>
    public CheckStatus Overall =>
        Checks.Any(c => c.Status == CheckStatus.Fail) ? CheckStatus.Fail
        : Checks.Any(c => c.Status == CheckStatus.Unknown) || Checks.All(c => c.Status == CheckStatus.NotApplicable) ? CheckStatus.Unknown
        : CheckStatus.Pass;
}
