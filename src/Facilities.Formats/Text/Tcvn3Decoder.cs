using System.Text;

namespace Facilities.Formats.Text;

/// <summary>
/// TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime/.VnArial) to Unicode NFC. One byte per letter; toned
/// capitals do not exist in VN3 (the capital fonts .VnTimeH reuse the small-letter codes), so they decode as small.
/// </summary>
/// <remarks>
/// Table from UniKey's VnConv library (Pham Kim Long, GPL; unikey/data.cpp, "SingleByteTables" → TCVN3, as
/// carried in fcitx/fcitx5-unikey), checked byte by byte against glibc iconv's TCVN5712-1 for 0xA1–0xFE.
/// Bytes the table leaves free read as Windows-1252, as UniKey does for the Western symbols.
/// </remarks>
public static class Tcvn3Decoder
{
    // Per letter: the byte of the plain letter (0 when it is ASCII), then sắc, huyền, hỏi, ngã, nặng.
    private static readonly (string Letter, byte[] Bytes)[] Letters =
    [
        ("a", [0, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9]),
        ("ă", [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6]),
        ("â", [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB]),
        ("e", [0, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1]),
        ("ê", [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6]),
        ("i", [0, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE]),
        ("o", [0, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4]),
        ("ô", [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9]),
        ("ơ", [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE]),
        ("u", [0, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4]),
        ("ư", [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9]),
        ("y", [0, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE]),
        ("đ", [0xAE]),
        ("Ă", [0xA1]), ("Â", [0xA2]), ("Ê", [0xA3]), ("Ô", [0xA4]), ("Ơ", [0xA5]), ("Ư", [0xA6]), ("Đ", [0xA7]),
    ];

    private static readonly string[] Tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

    private static readonly char[] Table = Build();

    /// <summary>Decodes TCVN3 bytes to Unicode NFC.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = Table[bytes[i]];
        }

        return new string(chars).Normalize(NormalizationForm.FormC);
    }

    private static char[] Build()
    {
        var table = CodePages.Windows1252.GetString(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray()).ToCharArray();
        foreach (var (letter, bytes) in Letters)
        {
            for (var tone = 0; tone < bytes.Length; tone++)
            {
                if (bytes[tone] != 0)
                {
                    table[bytes[tone]] = (letter + Tones[tone]).Normalize(NormalizationForm.FormC)[0];
                }
            }
        }

        return table;
    }
}
