using System.Globalization;
using System.Text;
using Facilities.Core.Model;

namespace Facilities.Core.Proposals;

/// <summary>Finds an urban-area project by id or by name (case, accents and spacing ignored for names).</summary>
public static class UrbanAreaLookup
{
    /// <summary>
    /// The urban area whose id is <paramref name="key"/>, else the one whose name matches it; null when none or when
    /// the name matches several (<paramref name="ambiguous"/> then lists them).
    /// </summary>
    public static GrowthArea? Find(CityModel city, string key, out IReadOnlyList<GrowthArea> ambiguous)
    {
        ambiguous = [];
        var areas = city.Growth.Where(g => g.Kind == "urban_area").ToList();
        var byId = areas.Find(a => string.Equals(a.Id, key.Trim(), StringComparison.Ordinal))
            ?? areas.Find(a => string.Equals(a.Id, key.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byId is not null)
        {
            return byId;
        }

        var wanted = Fold(key);
        var byName = areas.Where(a => Fold(a.Name) == wanted).ToList();
        if (byName.Count > 1)
        {
            ambiguous = byName;
            return null;
        }

        return byName.FirstOrDefault();
    }

    // "Khu đô thị  Bắc Sông" and "khu do thi bac song" match: lower case, no diacritics (đ → d), single spaces.
    private static string Fold(string s)
    {
        var builder = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
