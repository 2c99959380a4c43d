using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Validation;

namespace Facilities.Core.Import;

/// <summary>
/// An id built from several source fields, e.g. "{SoTo}-{SoThua}": cadastral parcel numbers restart on every map
/// sheet, so the number alone is not unique. Field names in braces are matched after normalisation.
/// </summary>
public sealed partial class IdTemplate
{
    /// <summary>The default for a layer with both a sheet and a parcel number and no id column.</summary>
    public const string CadastralDefault = "{so_to}-{so_thua}";

    private readonly List<(string Literal, string? Field, string? Source)> _parts;

    private IdTemplate(string text, List<(string, string?, string?)> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as given.</summary>
    public string Text { get; }

    /// <summary>The source columns the template reads, in order.</summary>
    public IEnumerable<string> SourceColumns => _parts.Where(p => p.Source is not null).Select(p => p.Source!);

    /// <summary>
    /// Binds <paramref name="template"/> to the columns of <paramref name="source"/>; reports a template without a
    /// field, or a field the file does not have, as a layer-level error and returns null.
    /// </summary>
    public static IdTemplate? Bind(string template, FeatureLayer source, IssueList issues)
    {
        var parts = new List<(string, string?, string?)>();
        var at = 0;
        foreach (Match m in FieldRef().Matches(template))
        {
            parts.Add((template[at..m.Index], null, null));
            var name = m.Groups[1].Value;
            var key = NameNormalizer.Normalize(name);
            var column = source.Fields.FirstOrDefault(f => NameNormalizer.Normalize(f.Name) == key)
                         ?? source.Fields.FirstOrDefault(f => NameNormalizer.Normalize(f.Name, false) == NameNormalizer.Normalize(name, false));
            if (column is null)
            {
                var have = string.Join(", ", source.Fields.Select(f => f.Name));
                issues.Error("id-template-field-absent", null, name,
                    $"mẫu mã '{template}' dùng trường '{name}' nhưng tệp không có trường này; các trường có: {have}.",
                    $"id template '{template}' uses field '{name}', which the file does not have; its fields are: {have}.");
                return null;
            }

            parts.Add(("", key, column.Name));
            at = m.Index + m.Length;
        }

        parts.Add((template[at..], null, null));
        if (!parts.Exists(p => p.Item2 is not null))
        {
            issues.Error("id-template-invalid", null, "id",
                $"mẫu mã '{template}' không có trường nào trong ngoặc nhọn, ví dụ \"{{SoTo}}-{{SoThua}}\".",
                $"id template '{template}' names no field in braces, e.g. \"{{SoTo}}-{{SoThua}}\".");
            return null;
        }

        return new IdTemplate(template, parts);
    }

    /// <summary>
    /// The id of <paramref name="record"/>, or null when a part is empty; with <paramref name="issues"/>, each empty
    /// part is reported as an error naming the row and the field.
    /// </summary>
    public string? Build(FeatureRecord record, IssueList? issues)
    {
        var sb = new StringBuilder();
        var ok = true;
        foreach (var (literal, _, source) in _parts)
        {
            sb.Append(literal);
            if (source is null)
            {
                continue;
            }

            var part = Format(record[source]);
            if (part.Length == 0)
            {
                ok = false;
                issues?.Error("id-part-empty", "#" + record.Ordinal.ToString(CultureInfo.InvariantCulture), source,
                    $"không ghép được mã theo mẫu '{Text}': trường '{source}' trống ở dòng {record.Ordinal}.",
                    $"cannot build the id from '{Text}': field '{source}' is empty in row {record.Ordinal}.");
            }

            sb.Append(part);
        }

        return ok ? sb.ToString() : null;
    }

    // A sheet number read from a .dbf N(10,0) arrives as 12.0; the id wants "12", not "12.0".
    private static string Format(object? v) => v switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()?.Trim() ?? "",
    };

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex FieldRef();
}
