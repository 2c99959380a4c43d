namespace Facilities.Core.Tracker;

/// <summary>Why a transition was refused (a host maps these to HTTP 403, 409 and 422).</summary>
public enum RefusalKind
{
    /// <summary>The user may not change this case.</summary>
    Forbidden,

    /// <summary>The request was based on an older version of the case.</summary>
    Conflict,

    /// <summary>The move is not in the transition table.</summary>
    NotAllowed,

    /// <summary>The time is before the last event or outside the supported years.</summary>
    InvalidTime,

    /// <summary>A missing actor or an empty attachment reference.</summary>
    InvalidInput,
}
