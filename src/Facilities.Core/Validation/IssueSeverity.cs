namespace Facilities.Core.Validation;

/// <summary>How serious a data problem is.</summary>
public enum IssueSeverity
{
    /// <summary>Something was repaired or derived; the data is usable. Says what changed.</summary>
    Warning,

    /// <summary>The data cannot be used as it is; nothing is written.</summary>
    Error,
}
