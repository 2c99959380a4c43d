namespace Facilities.Reports.Tracker;

/// <summary>One table of the periodic report: a title, Vietnamese column headers and rows (string, long, double, DateTime or null).</summary>
/// <param name="Title">Sheet name / section title (Vietnamese).</param>
/// <param name="TitleEn">The English title (HTML page).</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows, one value per header.</param>
public sealed record ReportTable(string Title, string TitleEn, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
