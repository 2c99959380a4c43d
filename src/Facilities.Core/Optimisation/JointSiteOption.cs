namespace Facilities.Core.Optimisation;

/// <summary>One way to use a candidate site: one school of one level, or a combined school of several levels.</summary>
/// <param name="Site">Candidate site index.</param>
/// <param name="Levels">Level indices the school teaches, ascending (one for a single-level school).</param>
public sealed record JointSiteOption(int Site, int[] Levels)
{
    /// <summary>Whether the option is a combined school (trường liên cấp / trường phổ thông có nhiều cấp học).</summary>
    public bool Combined => Levels.Length > 1;

    /// <summary>Whether the school teaches level <paramref name="level"/>.</summary>
    public bool Teaches(int level) => Array.IndexOf(Levels, level) >= 0;
}
