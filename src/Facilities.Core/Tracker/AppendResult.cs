namespace Facilities.Core.Tracker;

/// <summary>The answer of <see cref="ICaseStore.AppendAsync"/>.</summary>
public enum AppendResult
{
    /// <summary>The event was written and is durable.</summary>
    Appended,

    /// <summary>The case no longer has the expected version; nothing was written.</summary>
    Conflict,
}
