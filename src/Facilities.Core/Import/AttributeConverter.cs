using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Validation;

namespace Facilities.Core.Import;

/// <summary>
/// Maps source fields onto the schema and converts values to the schema's types and codes, reporting every
/// value that cannot be converted with its feature and field.
/// </summary>
public sealed class AttributeConverter
{
    private readonly LayerSchema _schema;
    private readonly FieldMapping _mapping;
    private readonly List<(string Source, string Target, FieldSpec? Spec)> _plan = [];

    /// <summary>Plans the field mapping of <paramref name="source"/> and reports layer-level problems.</summary>
    public AttributeConverter(FeatureLayer source, LayerSchema schema, FieldMapping mapping, IssueList issues)
    {
        _schema = schema;
        _mapping = mapping;
        // fid and geom are the GeoPackage's own columns; a source field with such a name is kept as fid_2 / geom_2.
        var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["fid"] = "", ["geom"] = "" };

        // Exact schema names first, so an alias never displaces a field that already has the contract name.
        var ordered = source.Fields.OrderBy(f => schema.Field(NameNormalizer.Normalize(f.Name)) is null ? 1 : 0).ToList();
        foreach (var field in ordered)
        {
            var target = mapping.MapField(schema, field.Name);
            if (target is not null && schema.Field(target) is { } spec)
            {
                if (taken.TryGetValue(target, out var first))
                {
                    issues.Warning("field-mapped-twice", null, field.Name,
                        $"trường '{field.Name}' cũng ánh xạ tới '{target}', đã dùng '{first}'; '{field.Name}' được giữ nguyên là trường phụ.",
                        $"field '{field.Name}' also maps to '{target}', already taken by '{first}'; '{field.Name}' is kept as an extra field.");
                }
                else
                {
                    taken[target] = field.Name;
                    _plan.Add((field.Name, target, spec));
                    continue;
                }
            }

            var extra = NameNormalizer.Normalize(field.Name);
            if (extra.Length == 0 || char.IsDigit(extra[0]))
            {
                extra = "f_" + extra;
            }

            var unique = extra;
            for (var n = 2; taken.ContainsKey(unique) || schema.Field(unique) is not null; n++)
            {
                unique = $"{extra}_{n}";
            }

            taken[unique] = field.Name;
            _plan.Add((field.Name, unique, null));
        }

        taken.Remove("fid");
        taken.Remove("geom");
        foreach (var spec in schema.Fields.Where(f => f.Required && !taken.ContainsKey(f.Name)))
        {
            issues.Error("field-absent", null, spec.Name,
                $"lớp không có trường bắt buộc '{spec.Name}' ({spec.DescriptionVi}) hay tên tương đương nào trong tệp ánh xạ.",
                $"the layer has no required field '{spec.Name}' ({spec.Description}), nor any alias of it in the mapping file.");
        }

        var extras = _plan.Where(p => p.Spec is null).Select(p => new FieldInfo(p.Target, source.Field(p.Source)?.Type ?? FieldType.Text));
        Fields = [.. schema.Fields.Select(f => new FieldInfo(f.Name, f.Type)), .. extras];
        MissingRequired = [.. schema.Fields.Where(f => f.Required && !taken.ContainsKey(f.Name)).Select(f => f.Name)];
    }

    /// <summary>Output fields: every schema field in contract order, then the extra fields.</summary>
    public List<FieldInfo> Fields { get; }

    /// <summary>How messages name a source feature: its id (mapped from whatever the source calls it), else "#n".</summary>
    public string LabelOf(FeatureRecord record)
    {
        foreach (var (source, target, _) in _plan)
        {
            if (target == _schema.IdField && record[source] is { } id && System.Convert.ToString(id, CultureInfo.InvariantCulture) is { Length: > 0 } text)
            {
                return text.Trim();
            }
        }

        return "#" + record.Ordinal.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Required schema fields the source does not have at all (reported once, not per feature).</summary>
    public IReadOnlyList<string> MissingRequired { get; }

    /// <summary>Converts one feature's attributes, reporting problems against <paramref name="feature"/>.</summary>
    public Dictionary<string, object?> Convert(FeatureRecord record, string feature, IssueList issues)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (source, target, spec) in _plan)
        {
            var value = record[source];
            result[target] = spec is null ? value : ConvertValue(value, spec, feature, issues);
        }

        foreach (var spec in _schema.Fields)
        {
            if (!result.TryGetValue(spec.Name, out var converted))
            {
                result[spec.Name] = null;
            }
            else if (spec.Required && converted is null && !MissingRequired.Contains(spec.Name) && !HadBadValue(record, spec))
            {
                issues.Error("value-missing", feature, spec.Name,
                    $"thiếu giá trị bắt buộc ({spec.DescriptionVi}).",
                    $"required value is missing ({spec.Description}).");
            }
        }

        return result;
    }

    private bool HadBadValue(FeatureRecord record, FieldSpec spec) =>
        _plan.Exists(p => p.Target == spec.Name && record[p.Source] is not null && !(record[p.Source] is string s && s.Trim().Length == 0));

    private object? ConvertValue(object? value, FieldSpec spec, string feature, IssueList issues)
    {
        if (value is null || (value is string blank && blank.Trim().Length == 0))
        {
            return null;
        }

        switch (spec.Type)
        {
            case FieldType.Integer:
                if (!TryInteger(value, out var l))
                {
                    BadNumber(value, spec, feature, issues, "số nguyên", "a whole number");
                    return null;
                }

                if (spec.NonNegative && l < 0)
                {
                    Negative(value, spec, feature, issues);
                    return null;
                }

                return l;
            case FieldType.Real:
                if (!TryReal(value, out var d))
                {
                    BadNumber(value, spec, feature, issues, "số", "a number");
                    return null;
                }

                if (spec.NonNegative && d < 0)
                {
                    Negative(value, spec, feature, issues);
                    return null;
                }

                return d;
            default:
                return Text(value, spec, feature, issues);
        }
    }

    private string? Text(object value, FieldSpec spec, string feature, IssueList issues)
    {
        var text = value switch
        {
            string s => s.Trim(),
            double dv when dv == Math.Floor(dv) && Math.Abs(dv) < 1e15 => ((long)dv).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (spec.AllowedValues is { } allowed)
        {
            var code = _mapping.MapValue(spec, text);
            if (code is null)
            {
                issues.Error("value-unknown", feature, spec.Name,
                    $"giá trị '{text}' không hợp lệ; các giá trị cho phép: {string.Join(", ", allowed)} (hoặc tên tiếng Việt trong tệp ánh xạ).",
                    $"value '{text}' is not allowed; allowed values: {string.Join(", ", allowed)} (or a Vietnamese name in the mapping file).");
            }

            return code;
        }

        if (spec.Name is "code" or "ward_code")
        {
            // ASSUMPTION: a numeric code lost its leading zeros in a spreadsheet or DBF (Hà Nội's codes start with 00).
            if (text.Length is > 0 and < 5 && text.All(char.IsAsciiDigit))
            {
                text = text.PadLeft(5, '0');
            }

            if (text.Length != 5 || !text.All(char.IsAsciiDigit))
            {
                issues.Error("code-format", feature, spec.Name,
                    $"mã '{text}' phải gồm đúng 5 chữ số (mã đơn vị hành chính của Tổng cục Thống kê).",
                    $"code '{text}' must be exactly 5 digits (the official administrative unit code).");
                return null;
            }
        }

        return text;
    }

    private static bool TryInteger(object value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            case double d when d == Math.Floor(d) && Math.Abs(d) < 9e15:
                result = (long)d;
                return true;
            case string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result):
                return true;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d2) && d2 == Math.Floor(d2):
                result = (long)d2;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static bool TryReal(object value, out double result)
    {
        switch (value)
        {
            case double d when double.IsFinite(d):
                result = d;
                return true;
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result):
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static void BadNumber(object value, FieldSpec spec, string feature, IssueList issues, string vi, string en) =>
        issues.Error("value-not-number", feature, spec.Name,
            $"'{value}' không phải {vi}; viết số với dấu chấm thập phân, không có dấu phân cách hàng nghìn.",
            $"'{value}' is not {en}; write numbers with a dot as decimal separator and no thousands separator.");

    private static void Negative(object value, FieldSpec spec, string feature, IssueList issues) =>
        issues.Error("value-negative", feature, spec.Name,
            $"giá trị âm ({value}); {spec.DescriptionVi} không thể âm.",
            $"negative value ({value}); {spec.Description} cannot be negative.");
}
