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
}
