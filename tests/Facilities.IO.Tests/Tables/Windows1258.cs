using System.Globalization;
using System.Text;

namespace Facilities.IO.Tests.Tables;

/// <summary>
/// Encodes text the way Excel "CSV" on a Vietnamese Windows does: code page 1258, which has the base letters
/// (ă â ê ô ơ ư đ) precomposed but writes the five tone marks as combining characters after them.
/// </summary>
internal static class Windows1258
{
    private static readonly HashSet<char> Tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    public static byte[] Encode(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        var i = 0;
        while (i < decomposed.Length)
        {
            var start = i++;
            while (i < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) == UnicodeCategory.NonSpacingMark)
            {
                i++;
            }

            var cluster = decomposed[start..i];
            sb.Append(new string([.. cluster.Where(c => !Tones.Contains(c))]).Normalize(NormalizationForm.FormC));
            sb.Append([.. cluster.Where(Tones.Contains)]);
        }

        return encoding.GetBytes(sb.ToString());
    }
}
