using System.Globalization;
using System.Text;

namespace Facilities.Core.Schema;

/// <summary>
/// Normalises field names and coded values for matching: lower case, Vietnamese diacritics removed
/// (đ → d), CamelCase words split, every run of other characters → one '_'. "Số phòng học" → "so_phong_hoc",
/// "LoaiDatQH" → "loai_dat_qh" (the land registry's .dbf names), "MA_TRUONG" → "ma_truong".
/// </summary>
public static class NameNormalizer
{
    /// <summary>The normalised form of <paramref name="text"/>, CamelCase words split.</summary>
    public static string Normalize(string text) => Normalize(text, splitCamelCase: true);

    /// <summary>
    /// The normalised form of <paramref name="text"/>; without <paramref name="splitCamelCase"/> "DienTich" stays
    /// "dientich", as names were matched before CamelCase was split (older mapping files and values rely on it).
    /// </summary>
    public static string Normalize(string text, bool splitCamelCase)
    {
        var folded = FoldDiacritics(text);
        var sb = new StringBuilder(folded.Length + 4);
        var pendingUnderscore = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (splitCamelCase && StartsCamelWord(folded, i))
                {
                    pendingUnderscore = true;
                }

                if (pendingUnderscore && sb.Length > 0)
                {
                    sb.Append('_');
                }

                pendingUnderscore = false;
                sb.Append(lower);
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        return sb.ToString();
    }

    // An upper-case ASCII letter starts a word after a lower-case one ("Loai|Dat") or, inside a run of capitals,
    // when a lower-case one follows ("QH|Loai"); an all-capitals name ("MA_TRUONG", "THCS") is never split.
    private static bool StartsCamelWord(string s, int i)
    {
        if (i == 0 || !char.IsAsciiLetterUpper(s[i]))
        {
            return false;
        }

        var prev = s[i - 1];
        return char.IsAsciiLetterLower(prev)
               || (char.IsAsciiLetterUpper(prev) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]));
    }

    /// <summary>Removes combining marks and maps đ/Đ to d/D, keeping case: "Hải An" → "Hai An".</summary>
    public static string FoldDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
