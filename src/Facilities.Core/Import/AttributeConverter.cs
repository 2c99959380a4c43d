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
    // Columns that name the school's ward (by name or code): kept as extras and checked against the ward the
    // school lies in (LayerImporter), so a typo in the coordinates is not silently a move to another ward.
    private static readonly HashSet<string> WardColumns = new(StringComparer.Ordinal)
    {
        "xa_phuong", "phuong_xa", "xa_phuong_dac_khu", "phuong_xa_dac_khu", "ten_xa", "ten_phuong", "ten_xa_phuong",
        "ten_phuong_xa", "don_vi_hanh_chinh", "ten_don_vi_hanh_chinh", "dvhc", "ten_dvhc", "xa", "phuong", "dia_ban", "ward", "ward_name",
    };

    private readonly LayerSchema _schema;
    private readonly FieldMapping _mapping;
    private readonly List<(string Source, string Target, FieldSpec? Spec)> _plan = [];
    private readonly List<ColumnStats> _stats = [];
    private readonly Dictionary<string, string?> _closest = new(StringComparer.Ordinal);
    private readonly IdTemplate? _idTemplate;
    private readonly ColumnStats _idStats = new();
    private readonly string? _wardColumn;

    /// <summary>Plans the field mapping of <paramref name="source"/> and reports layer-level problems.</summary>
    /// <param name="source">The layer as read.</param>
    /// <param name="schema">Target layer contract.</param>
    /// <param name="mapping">Field and value mapping.</param>
    /// <param name="issues">Where layer-level problems and notices go.</param>
    /// <param name="idTemplate">Builds the id from several fields (<c>--id</c>); null for the mapped id column or the cadastral default.</param>
    public AttributeConverter(FeatureLayer source, LayerSchema schema, FieldMapping mapping, IssueList issues, string? idTemplate = null)
    {
        _schema = schema;
        _mapping = mapping;
        // fid and geom are the GeoPackage's own columns; a source field with such a name is kept as fid_2 / geom_2.
        var taken = new Dictionary<string, string>(StringComparer.Ordinal) { ["fid"] = "", ["geom"] = "" };
        _idTemplate = PlanIdTemplate(source, schema, idTemplate, issues);
        if (_idTemplate is not null)
        {
            taken[schema.IdField] = _idTemplate.Text;
        }

        // Exact schema names first, so an alias never displaces a field that already has the contract name.
        var ordered = source.Fields.OrderBy(f => schema.Field(NameNormalizer.Normalize(f.Name)) is null ? 1 : 0).ToList();
        foreach (var field in ordered)
        {
            var target = mapping.MapField(schema, field.Name);
            string? closest = null;
            if (target is not null && schema.Field(target) is { } spec)
            {
                if (taken.TryGetValue(target, out var first))
                {
                    closest = target;
                    // Columns read by the id template are expected to stay as extras; they are not a second id.
                    if (_idTemplate is null || target != schema.IdField)
                    {
                        issues.Warning("field-mapped-twice", null, field.Name,
                            $"trường '{field.Name}' cũng ánh xạ tới '{target}', đã dùng '{first}'; '{field.Name}' được giữ nguyên là trường phụ.",
                            $"field '{field.Name}' also maps to '{target}', already taken by '{first}'; '{field.Name}' is kept as an extra field.");
                    }
                }
                else
                {
                    taken[target] = field.Name;
                    _plan.Add((field.Name, target, spec));
                    _stats.Add(new ColumnStats());
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
            _stats.Add(new ColumnStats());
            _closest[field.Name] = closest ?? mapping.Suggest(schema, field.Name);
            if (schema.Name == "schools" && _wardColumn is null && WardColumns.Contains(NameNormalizer.Normalize(field.Name)))
            {
                _wardColumn = field.Name;
            }
        }

        taken.Remove("fid");
        taken.Remove("geom");
        foreach (var spec in schema.Fields.Where(f => f.Required && !taken.ContainsKey(f.Name)))
        {
            var near = ordered.Select(f => f.Name).FirstOrDefault(n => _closest.TryGetValue(n, out var c) && c == spec.Name);
            var hintVi = near is null ? "" : $" Cột '{near}' có tên gần giống; nếu đúng là nó, hãy đổi tên cột hoặc thêm vào tệp ánh xạ (--mapping).";
            var hintEn = near is null ? "" : $" Column '{near}' has a similar name; if it is that field, rename it or add it to a mapping file (--mapping).";
            issues.Error("field-absent", null, spec.Name,
                $"lớp không có trường bắt buộc '{spec.Name}' ({spec.DescriptionVi}) hay tên tương đương nào trong tệp ánh xạ.{hintVi}",
                $"the layer has no required field '{spec.Name}' ({spec.Description}), nor any alias of it in the mapping file.{hintEn}");
        }

        ReportExtras(issues);
        var extras = _plan.Where(p => p.Spec is null).Select(p => new FieldInfo(p.Target, source.Field(p.Source)?.Type ?? FieldType.Text));
        Fields = [.. schema.Fields.Select(f => new FieldInfo(f.Name, f.Type)), .. extras];
        MissingRequired = [.. schema.Fields.Where(f => f.Required && !taken.ContainsKey(f.Name)).Select(f => f.Name)];
    }

    /// <summary>Output fields: every schema field in contract order, then the extra fields.</summary>
    public List<FieldInfo> Fields { get; }

    /// <summary>
    /// Where each source column went and what its values became, so far (complete after every feature has been
    /// converted): the mapping table of <c>facilities import --dry-run</c>.
    /// </summary>
    public IReadOnlyList<ColumnMapping> Columns
    {
        get
        {
            var rows = new List<ColumnMapping>();
            if (_idTemplate is not null)
            {
                rows.Add(new(_idTemplate.Text, _schema.IdField, ColumnRole.IdTemplate, null, [.. _idStats.Samples], _idStats.Empty, _idStats.Invalid));
            }

            for (var i = 0; i < _plan.Count; i++)
            {
                var (source, target, spec) = _plan[i];
                var s = _stats[i];
                rows.Add(new(source, target, spec is null ? ColumnRole.Extra : ColumnRole.Field,
                    spec is null ? _closest.GetValueOrDefault(source) : null, [.. s.Samples], s.Empty, s.Invalid));
            }

            return rows;
        }
    }

    /// <summary>How messages name a source feature: its id (mapped from whatever the source calls it), else "#n".</summary>
    public string LabelOf(FeatureRecord record)
    {
        if (_idTemplate is not null)
        {
            return _idTemplate.Build(record, null) ?? "#" + record.Ordinal.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (source, target, _) in _plan)
        {
            if (target == _schema.IdField && record[source] is { } id && System.Convert.ToString(id, CultureInfo.InvariantCulture) is { Length: > 0 } text)
            {
                return text.Trim();
            }
        }

        return "#" + record.Ordinal.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The ward a school row names in a column such as "Xã/Phường" (a name or a code), or null.</summary>
    public string? StatedWard(FeatureRecord record) =>
        _wardColumn is not null && record[_wardColumn] is { } v && System.Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>The column <see cref="StatedWard"/> reads, or null.</summary>
    public string? WardColumn => _wardColumn;

    /// <summary>Required schema fields the source does not have at all (reported once, not per feature).</summary>
    public IReadOnlyList<string> MissingRequired { get; }

    /// <summary>Converts one feature's attributes, reporting problems against <paramref name="feature"/>.</summary>
    public Dictionary<string, object?> Convert(FeatureRecord record, string feature, IssueList issues)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var idFailed = false;
        if (_idTemplate is not null)
        {
            var id = _idTemplate.Build(record, issues);
            idFailed = id is null;
            _idStats.Add(_idTemplate.Text, id, invalid: id is null);
            result[_schema.IdField] = id;
        }

        for (var i = 0; i < _plan.Count; i++)
        {
            var (source, target, spec) = _plan[i];
            var value = record[source];
            var before = issues.ErrorCount;
            var converted = spec is null ? value : ConvertValue(value, spec, feature, issues);
            result[target] = converted;
            _stats[i].Add(value, converted, issues.ErrorCount > before);
        }

        foreach (var spec in _schema.Fields)
        {
            if (!result.TryGetValue(spec.Name, out var converted))
            {
                result[spec.Name] = null;
            }
            else if (spec.Required && converted is null && !MissingRequired.Contains(spec.Name) && !HadBadValue(record, spec)
                     && !(idFailed && spec.Name == _schema.IdField))
            {
                issues.Error("value-missing", feature, spec.Name,
                    $"thiếu giá trị bắt buộc ({spec.DescriptionVi}).",
                    $"required value is missing ({spec.Description}).");
            }
        }

        return result;
    }

    // POLICY: an explicit --id wins; otherwise a layer whose ids are parcel numbers gets "{so_to}-{so_thua}" when it
    // has both fields and no column already called "id", because the number restarts on every map sheet.
    private static IdTemplate? PlanIdTemplate(FeatureLayer source, LayerSchema schema, string? template, IssueList issues)
    {
        if (template is not null)
        {
            return IdTemplate.Bind(template, source, issues);
        }

        var names = source.Fields.Select(f => NameNormalizer.Normalize(f.Name)).ToHashSet(StringComparer.Ordinal);
        if (schema.Name != "parcels" || names.Contains(schema.IdField) || !names.Contains("so_to") || !names.Contains("so_thua"))
        {
            return null;
        }

        var bound = IdTemplate.Bind(IdTemplate.CadastralDefault, source, issues);
        if (bound is not null)
        {
            var columns = string.Join(", ", bound.SourceColumns);
            issues.Notice("id-template-default", null, schema.IdField,
                $"mã thửa được ghép theo mẫu {IdTemplate.CadastralDefault} (số tờ-số thửa) từ các trường {columns}, vì số thửa đánh lại từ 1 trên mỗi tờ bản đồ; các trường gốc được giữ lại. Dùng --id để ghép khác.",
                $"parcel ids are built as {IdTemplate.CadastralDefault} (sheet-parcel) from fields {columns}, because parcel numbers restart on each map sheet; the source fields are kept. Pass --id to build them differently.");
        }

        return bound;
    }

    // Nothing is dropped without a word: every column that is not a schema field is named, with the field it may mean.
    private void ReportExtras(IssueList issues)
    {
        var extras = _plan.Where(p => p.Spec is null).ToList();
        if (extras.Count == 0)
        {
            return;
        }

        string Describe(string source, string target, bool vi) =>
            $"'{source}'" + (target == source ? "" : $" → {target}")
            + (_closest.GetValueOrDefault(source) is { } c ? (vi ? $" (gần nhất: {c})" : $" (closest: {c})") : "");
        issues.Notice("fields-kept-as-extra", null, null,
            $"{extras.Count} cột không thuộc lược đồ, được giữ nguyên là trường phụ: {string.Join(", ", extras.Select(e => Describe(e.Source, e.Target, true)))}.",
            $"{extras.Count} {(extras.Count == 1 ? "column is not a schema field and is" : "columns are not schema fields and are")} kept as extra fields: {string.Join(", ", extras.Select(e => Describe(e.Source, e.Target, false)))}.");
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
