using System.Text;

namespace Facilities.Core.Validation;

/// <summary>
/// One data problem, located as precisely as the data allows: file, layer, feature and field.
/// </summary>
/// <param name="Severity">Error (nothing is written), warning (repaired or derived) or notice (what was detected).</param>
/// <param name="Code">Stable kebab-case code, e.g. "geometry-self-intersection", for scripts and tests.</param>
/// <param name="File">File name the problem is in.</param>
/// <param name="Layer">Layer name, or null for a problem with the whole file.</param>
/// <param name="Feature">Feature id (or "#n" for the n-th feature), or null.</param>
/// <param name="Field">Field name, or null.</param>
/// <param name="Message">What is wrong and what to do, in both languages.</param>
public sealed record ValidationIssue(
    IssueSeverity Severity, string Code, string File, string? Layer, string? Feature, string? Field, LocalizedText Message)
{
    /// <summary>One line: "error: file, layer 'x', feature 'y', field 'z': message".</summary>
    public string Render(Language language)
    {
        var vi = language == Language.Vi;
        var sb = new StringBuilder();
        sb.Append(Severity switch
        {
            IssueSeverity.Error => vi ? "lỗi" : "error",
            IssueSeverity.Warning => vi ? "cảnh báo" : "warning",
            _ => vi ? "ghi chú" : "note",
        });
        sb.Append(": ").Append(File);
        if (Layer is not null)
        {
            sb.Append(vi ? ", lớp '" : ", layer '").Append(Layer).Append('\'');
        }

        if (Feature is not null)
        {
            sb.Append(vi ? ", đối tượng '" : ", feature '").Append(Feature).Append('\'');
        }

        if (Field is not null)
        {
            sb.Append(vi ? ", trường '" : ", field '").Append(Field).Append('\'');
        }

        sb.Append(": ").Append(Message.In(language)).Append(" [").Append(Code).Append(']');
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Render(Language.En);
}
