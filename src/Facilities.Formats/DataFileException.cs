using Facilities.Core.Validation;

namespace Facilities.Formats;

/// <summary>
/// A file that cannot be read at all (missing, truncated, not UTF-8, not the format it claims), carrying the
/// problem as a <see cref="ValidationIssue"/> so it is reported like any other.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception from an issue.</summary>
    public DataFileException(ValidationIssue issue, Exception? inner = null)
        : base(issue.Render(Language.En), inner)
    {
        Issue = issue;
    }

    /// <summary>Creates an exception for a whole-file error.</summary>
    public DataFileException(string code, string file, string? layer, string vi, string en, Exception? inner = null)
        : this(new ValidationIssue(IssueSeverity.Error, code, file, layer, null, null, new LocalizedText(vi, en)), inner)
    {
    }

    /// <summary>The problem, in both languages.</summary>
    public ValidationIssue Issue { get; }
}
