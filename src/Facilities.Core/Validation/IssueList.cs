namespace Facilities.Core.Validation;

/// <summary>Collects issues for one file and layer, so each check states only what is specific to it.</summary>
public sealed class IssueList
{
    private readonly List<ValidationIssue> _issues = [];

    /// <summary>Creates a list for problems in <paramref name="file"/>, layer <paramref name="layer"/>.</summary>
    public IssueList(string file, string? layer)
    {
        File = file;
        Layer = layer;
    }

    /// <summary>File the problems are in.</summary>
    public string File { get; }

    /// <summary>Layer the problems are in.</summary>
    public string? Layer { get; }

    /// <summary>All issues so far, in the order found.</summary>
    public IReadOnlyList<ValidationIssue> Items => _issues;

    /// <summary>True when at least one error was found.</summary>
    public bool HasErrors => _issues.Exists(i => i.Severity == IssueSeverity.Error);

    /// <summary>Number of errors.</summary>
    public int ErrorCount => _issues.Count(i => i.Severity == IssueSeverity.Error);

    /// <summary>Records an error.</summary>
    public void Error(string code, string? feature, string? field, string vi, string en) =>
        _issues.Add(new(IssueSeverity.Error, code, File, Layer, feature, field, new LocalizedText(vi, en)));

    /// <summary>Records a warning (something repaired or derived).</summary>
    public void Warning(string code, string? feature, string? field, string vi, string en) =>
        _issues.Add(new(IssueSeverity.Warning, code, File, Layer, feature, field, new LocalizedText(vi, en)));

    /// <summary>Records a notice: what a reader detected or decided, so the import summary can say it.</summary>
    public void Notice(string code, string? feature, string? field, string vi, string en) =>
        _issues.Add(new(IssueSeverity.Notice, code, File, Layer, feature, field, new LocalizedText(vi, en)));

    /// <summary>Adds issues found elsewhere.</summary>
    public void AddRange(IEnumerable<ValidationIssue> issues) => _issues.AddRange(issues);
}
