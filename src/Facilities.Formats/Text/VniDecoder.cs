using System.Text;

namespace Facilities.Formats.Text;

/// <summary>
/// VNI-Windows (the VNI-Times fonts) to Unicode NFC. A toned vowel is its base letter followed by one modifier
/// byte (tone, or circumflex/breve with or without a tone), so "Trường" is stored as the bytes that read
/// "Tröôøng" in Windows-1252; ơ, ư, đ, the toned i and ỵ are single bytes.
/// </summary>
/// <remarks>
/// Table from UniKey's VnConv library (Pham Kim Long, GPL; unikey/data.cpp, "DoubleByteTables" → VNI-WIN, as
/// carried in fcitx/fcitx5-unikey): each entry there is a word whose low byte is the base letter and whose high
/// byte is the modifier. Here each modifier byte becomes its combining marks and NFC composes them with the base.
/// Bytes the table leaves free read as Windows-1252.
/// </remarks>
public static class VniDecoder
{
    private const string Acute = "\u0301";
    private const string Grave = "\u0300";
    private const string Hook = "\u0309";
    private const string Tilde = "\u0303";
    private const string Dot = "\u0323";
    private const string Circumflex = "\u0302";
    private const string Breve = "\u0306";

    // Modifier bytes: capital-letter form, small-letter form, and the marks they add to the letter before them.
    private static readonly (byte Upper, byte Lower, string Marks)[] Modifiers =
    [
        (0xD9, 0xF9, Acute), (0xD8, 0xF8, Grave), (0xDB, 0xFB, Hook), (0xD5, 0xF5, Tilde), (0xCF, 0xEF, Dot),
        (0xC2, 0xE2, Circumflex), (0xC1, 0xE1, Circumflex + Acute), (0xC0, 0xE0, Circumflex + Grave),
        (0xC5, 0xE5, Circumflex + Hook), (0xC3, 0xE3, Circumflex + Tilde), (0xC4, 0xE4, Circumflex + Dot),
        (0xCA, 0xEA, Breve), (0xC9, 0xE9, Breve + Acute), (0xC8, 0xE8, Breve + Grave),
        (0xDA, 0xFA, Breve + Hook), (0xDC, 0xFC, Breve + Tilde), (0xCB, 0xEB, Breve + Dot),
    ];

    // Letters that are one byte in VNI.
    private static readonly (byte Byte, string Letter)[] Singles =
    [
        (0xD1, "Đ"), (0xF1, "đ"), (0xD4, "Ơ"), (0xF4, "ơ"), (0xD6, "Ư"), (0xF6, "ư"),
        (0xCD, "Í"), (0xED, "í"), (0xCC, "Ì"), (0xEC, "ì"), (0xC6, "Ỉ"), (0xE6, "ỉ"), (0xD3, "Ĩ"), (0xF3, "ĩ"),
        (0xD2, "Ị"), (0xF2, "ị"), (0xCE, "Ỵ"), (0xEE, "ỵ"),
    ];

    private static readonly string[] Table = Build();

    /// <summary>Decodes VNI-Windows bytes to Unicode NFC.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(Table[b]);
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string[] Build()
    {
        var table = CodePages.Windows1252.GetString(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray())
            .Select(c => c.ToString()).ToArray();
        foreach (var (upper, lower, marks) in Modifiers)
        {
            table[upper] = marks;
            table[lower] = marks;
        }

        foreach (var (b, letter) in Singles)
        {
            table[b] = letter;
        }

        return table;
    }
}
