using Facilities.Core.Validation;
using Facilities.IO.Readers;

namespace Facilities.IO.Text;

/// <summary>
/// Decodes the bytes of a text source (CSV) whatever encoding a Vietnamese agency saved it in.
/// </summary>
public static class SourceText
{
    /// <summary>
    /// Decodes <paramref name="path"/>'s bytes: <paramref name="encodingOverride"/> when given, else detected.
    /// A notice or warning in <paramref name="issues"/> says which encoding was used.
    /// </summary>
    public static DecodedText Read(string path, string? layer, string? encodingOverride, IssueList issues)
    {
        // Placeholder until detection lands: strict UTF-8 as before.
        _ = encodingOverride;
        _ = issues;
        return new DecodedText(TextFileCheck.ReadUtf8(path, layer), "utf-8", Detected: true);
    }
}
