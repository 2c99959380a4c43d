using System.Globalization;
using System.Text;

namespace Facilities.Core.Schema;

/// <summary>
/// Normalises field names and coded values for matching: lower case, Vietnamese diacritics removed
/// (đ → d), every run of other characters → one '_'. "Số phòng học" → "so_phong_hoc".
/// </summary>
public static class NameNormalizer
{
    /// <summary>The normalised form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        var folded = FoldDiacritics(text).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var pendingUnderscore = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingUnderscore && sb.Length > 0)
                {
                    sb.Append('_');
                }

                pendingUnderscore = false;
                sb.Append(c);
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        return sb.ToString();
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
