namespace Facilities.Core.Validation;

/// <summary>How serious a data problem is. Ordered: a higher value is more serious.</summary>
public enum IssueSeverity
{
    /// <summary>What a reader detected and did (encoding, separator, axis order, header row); nothing is wrong.</summary>
    Notice,

    /// <summary>Something was repaired or derived; the data is usable. Says what changed.</summary>
    Warning,

    /// <summary>The data cannot be used as it is; nothing is written.</summary>
    Error,
}
