using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Core.Validation;

namespace Facilities.Core.Import;

/// <summary>
/// Resolves the ward a school list names ("Phường Hải An", "Hải An", "hai an", "31303") against the dataset's
/// wards, diacritics- and prefix-insensitive, and warns when it is not the ward the school's point lies in.
/// </summary>
public sealed class WardNames
{
    private static readonly string[] Prefixes = ["phuong_", "xa_", "dac_khu_", "thi_tran_", "p_", "x_"];
    private readonly Dictionary<string, string> _nameByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _codesByKey = new(StringComparer.Ordinal);

    /// <summary>Indexes the wards of a dataset by code and by normalised name without its unit prefix.</summary>
    public WardNames(FeatureLayer wards)
    {
        foreach (var w in wards.Features)
        {
            if (w["code"] is string code)
            {
                var name = w["name"] as string ?? "";
                _nameByCode[code] = name;
                var key = Key(name);
                if (!_codesByKey.TryGetValue(key, out var codes))
                {
                    _codesByKey[key] = codes = [];
                }

                codes.Add(code);
            }
        }
    }

    /// <summary>The normalised name without "Phường"/"Xã"/"Đặc khu"/"Thị trấn": "Phường Hải An" → "hai_an".</summary>
    public static string Key(string name)
    {
        var key = NameNormalizer.Normalize(name, splitCamelCase: false);
        foreach (var p in Prefixes)
        {
            if (key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length)
            {
                return key[p.Length..];
            }
        }

        return key;
    }

    /// <summary>The codes of the wards <paramref name="stated"/> may mean (a code, or a name shared by several wards).</summary>
    public IReadOnlyList<string> Resolve(string stated)
    {
        var text = stated.Trim();
        if (text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit))
        {
            var code = text.PadLeft(5, '0');
            return _nameByCode.ContainsKey(code) ? [code] : [];
        }

        return _codesByKey.TryGetValue(Key(text), out var codes) ? codes : [];
    }

    /// <summary>Warns when the ward named in <paramref name="column"/> is not <paramref name="foundCode"/>, naming both.</summary>
    public void Check(string stated, string column, string foundCode, string feature, IssueList issues)
    {
        var codes = Resolve(stated);
        if (codes.Contains(foundCode))
        {
            return;
        }

        var found = $"{_nameByCode.GetValueOrDefault(foundCode, "")} ({foundCode})";
        if (codes.Count == 0)
        {
            issues.Warning("ward-name-unknown", feature, column,
                $"ghi phường/xã '{stated}' nhưng bộ dữ liệu không có phường/xã nào tên hay mã như vậy; vị trí nằm trong {found}, dùng mã {foundCode}.",
                $"the row names ward '{stated}', but the dataset has no ward of that name or code; the location is in {found}, so ward_code {foundCode} is used.");
            return;
        }

        var statedWards = string.Join(", ", codes.Select(c => $"{_nameByCode[c]} ({c})"));
        issues.Warning("ward-name-mismatch", feature, column,
            $"ghi phường/xã '{stated}' = {statedWards} nhưng vị trí nằm trong {found}; kiểm tra toạ độ hoặc tên phường/xã. Giữ mã theo vị trí {foundCode}.",
            $"the row names ward '{stated}' = {statedWards}, but the location is in {found}; check the coordinates or the ward name. ward_code {foundCode} from the location is kept.");
    }
}
