using System.Globalization;
using System.Text;

namespace Facilities.IO.Tests.Text;

/// <summary>Bytes of text the way agencies' tools write it.</summary>
internal static class AgencyText
{
    static AgencyText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Windows-1258 as Windows writes it (Excel on a Vietnamese Windows, iconv, GDAL): letters 1258 has whole
    /// (â, ơ, ư, đ, à, é…) as one byte, any other tone as the base letter followed by a combining tone byte.
    /// Every byte comes from .NET's code page 1258 (System.Text.Encoding.CodePages).
    /// </summary>
    public static byte[] Windows1258(string text)
    {
        var cp = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var bytes = new List<byte>();
        var elements = StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormC));
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            try
            {
                bytes.AddRange(cp.GetBytes(element));
            }
            catch (EncoderFallbackException)
            {
                var d = element.Normalize(NormalizationForm.FormD);
                var tones = new string(d.Where(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray());
                var letter = new string(d.Where(c => !tones.Contains(c, StringComparison.Ordinal)).ToArray()).Normalize(NormalizationForm.FormC);
                bytes.AddRange(cp.GetBytes(letter + tones));
            }
        }

        return [.. bytes];
    }

    /// <summary>Windows-1252 bytes of <paramref name="text"/> (a Western Windows).</summary>
    public static byte[] Windows1252(string text) => Encoding.GetEncoding(1252).GetBytes(text);

    /// <summary>The characters legacy-font bytes show as in Windows-1252 (what a 1252-labelled file holds).</summary>
    public static string As1252(byte[] bytes) => Encoding.GetEncoding(1252).GetString(bytes);
}
