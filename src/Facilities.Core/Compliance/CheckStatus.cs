namespace Facilities.Core.Compliance;

/// <summary>Outcome of one compliance check.</summary>
public enum CheckStatus
{
    /// <summary>Meets the norm.</summary>
    Pass,

    /// <summary>Falls short of the norm.</summary>
    Fail,

    /// <summary>The data needed is missing: unknown, never assumed to pass or fail.</summary>
    Unknown,

    /// <summary>The norm does not apply at this level.</summary>
    NotApplicable,
}
