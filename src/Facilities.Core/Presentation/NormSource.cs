using System.Text.RegularExpressions;

namespace Facilities.Core.Presentation;

/// <summary>
/// The legal basis of a norm in Vietnamese, from the norms file's English source note: "Circular 13/2020/TT-BGDĐT
/// Art. 5(3)" → "Thông tư 13/2020/TT-BGDĐT, Điều 5 khoản 3". A note that cites no legal text (an approximation, a
/// planning default) says so. A file path in a note is cut to the repository's own docs/norms.md: a dossier must not
/// point to a folder the reader does not have.
/// </summary>
public static partial class NormSource
{
    /// <summary>The Vietnamese legal basis: every act the note cites, in order, each once.</summary>
    public static string Vi(string? source)
    {
        var text = WithoutOutsidePaths(source ?? "");
        var found = new List<(int At, string Vi)>();
        foreach (Match m in Circular().Matches(text))
        {
            found.Add((m.Index, $"Thông tư {m.Groups["no"].Value}{Article(m)}"));
        }

        foreach (Match m in Letter().Matches(text))
        {
            found.Add((m.Index, $"Công văn {m.Groups["no"].Value}" + (m.Groups["date"].Success ? $" ngày {m.Groups["date"].Value}" : "")));
        }

        foreach (Match m in Law().Matches(text))
        {
            found.Add((m.Index, $"Luật Giáo dục {m.Groups["year"].Value}{Article(m)}"));
        }

        foreach (Match m in Standard().Matches(text))
        {
            found.Add((m.Index, m.Groups["no"].Value + (m.Groups["cl"].Success ? $", mục {m.Groups["cl"].Value}" : "")));
        }

        var acts = found.OrderBy(f => f.At).Select(f => f.Vi).Distinct(StringComparer.Ordinal).ToList();
        if (acts.Count > 0)
        {
            return string.Join("; ", acts);
        }

        return text.Contains("census", StringComparison.OrdinalIgnoreCase)
            ? "Ước tính từ tháp tuổi Tổng điều tra dân số 2019 (không phải văn bản pháp lý); thay bằng số liệu của địa phương"
            : text.StartsWith("Derived", StringComparison.OrdinalIgnoreCase)
                ? "Suy ra từ văn bản khác (không phải định mức pháp lý)"
                : "Mặc định quy hoạch (không có văn bản pháp lý); thay bằng số liệu của địa phương";
    }

    /// <summary>The note with any absolute path or path outside the repository replaced by docs/norms.md.</summary>
    public static string WithoutOutsidePaths(string source) => OutsidePath().Replace(source, "docs/norms.md");

    private static string Article(Match m) =>
        m.Groups["art"].Success ? $", Điều {m.Groups["art"].Value}" + (m.Groups["clause"].Success ? $" khoản {m.Groups["clause"].Value}" : "") : "";

    [GeneratedRegex(@"Circular (?<no>\d+/\d{4}(?:/TT-[\p{L}\-]+)?)(?: \([^)]*\))?(?: Art\. (?<art>\d+)(?:\((?<clause>\d+)\))?)?")]
    private static partial Regex Circular();

    [GeneratedRegex(@"letter (?<no>\d+/[\p{L}\-]+)(?: \((?<date>\d{2}/\d{2}/\d{4})\))?")]
    private static partial Regex Letter();

    [GeneratedRegex(@"Education Law (?<year>\d{4})(?: Art\. (?<art>\d+)(?:\((?<clause>\d+)\))?)?")]
    private static partial Regex Law();

    [GeneratedRegex(@"(?<no>(?:QCVN|TCVN) [\d:]+(?:/BXD)?)(?: cl\. (?<cl>[\d.]+))?")]
    private static partial Regex Standard();

    [GeneratedRegex(@"(?:(?:\.\./)+|/)(?:[\w.\-]+/)*norms\.md|(?:\.\./)+[\w.\-/]+|/(?:work|home|tmp|root)/[\w.\-/]+")]
    private static partial Regex OutsidePath();
}
