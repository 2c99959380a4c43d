using System.Globalization;
using System.Text;

namespace Facilities.Formats.Text;

/// <summary>
/// A text encoding an agency file may be in: UTF-8, a Windows/ISO code page (Windows-1258 above all), or one of
/// the legacy Vietnamese font encodings TCVN3 and VNI, which no code page describes.
/// </summary>
public sealed class SourceEncoding
{
    private static readonly UTF8Encoding Utf8Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly Func<byte[], string> _decode;

    private SourceEncoding(string name, string label, bool legacyFont, Func<byte[], string> decode)
    {
        Name = name;
        Label = label;
        IsLegacyFont = legacyFont;
        _decode = decode;
    }

    /// <summary>UTF-8 (invalid sequences decode as U+FFFD; check <see cref="IsUtf8"/> first).</summary>
    public static SourceEncoding Utf8 { get; } = new("utf-8", "UTF-8", false, b => Utf8Lenient.GetString(b).Normalize(NormalizationForm.FormC));

    /// <summary>Windows-1258; its tones come as combining marks, so the text is composed to NFC.</summary>
    public static SourceEncoding Windows1258 { get; } = new("windows-1258", "Windows-1258", false, b => CodePages.Windows1258.GetString(b).Normalize(NormalizationForm.FormC));

    /// <summary>TCVN3 (ABC).</summary>
    public static SourceEncoding Tcvn3 { get; } = new("tcvn3", "TCVN3 (ABC)", true, b => Tcvn3Decoder.Decode(b));

    /// <summary>VNI-Windows.</summary>
    public static SourceEncoding Vni { get; } = new("vni", "VNI-Windows", true, b => VniDecoder.Decode(b));

    /// <summary>Windows-1252, which legacy-font text is usually mislabelled as.</summary>
    public static SourceEncoding Windows1252 { get; } = FromEncoding(CodePages.Windows1252);

    /// <summary>The values <c>--encoding</c> accepts, for messages.</summary>
    public static string OverrideValues => "utf-8, windows-1258 (1258, cp1258), tcvn3 (abc), vni, 1252, …";

    /// <summary>Short machine name: "utf-8", "windows-1258", "tcvn3", "vni", "windows-1252", "iso-8859-1", …</summary>
    public string Name { get; }

    /// <summary>Name for people: "UTF-8", "Windows-1258", "TCVN3 (ABC)", "VNI-Windows", …</summary>
    public string Label { get; }

    /// <summary>True for TCVN3 and VNI, whose text is converted rather than decoded by a standard code page.</summary>
    public bool IsLegacyFont { get; }

    /// <summary>True when this encoding can hold every Vietnamese letter.</summary>
    public bool HoldsVietnamese => Name is "utf-8" or "windows-1258" or "tcvn3" or "vni";

    /// <summary>The text of <paramref name="bytes"/> in this encoding, composed to Unicode NFC.</summary>
    public string Decode(byte[] bytes) => _decode(bytes);

    /// <summary>True when <paramref name="bytes"/> is well-formed UTF-8.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>A .NET encoding (a code page) as a source encoding.</summary>
    public static SourceEncoding FromEncoding(Encoding encoding) =>
        encoding.CodePage == 1258 ? Windows1258
        : encoding is UTF8Encoding ? Utf8
        : new(encoding.WebName, LabelOf(encoding), false, b => encoding.GetString(b).Normalize(NormalizationForm.FormC));

    /// <summary>
    /// Reads an <c>--encoding</c> value (or a .cpg text): utf-8/utf8, windows-1258/1258/cp1258, tcvn3/abc, vni,
    /// a code page number, or a name .NET knows ("iso-8859-1"). Null when it names no encoding.
    /// </summary>
    public static SourceEncoding? Parse(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        switch (v)
        {
            case "utf-8" or "utf8":
                return Utf8;
            case "tcvn3" or "tcvn" or "abc" or "tcvn-3" or "tcvn5712" or "vn3":
                return Tcvn3;
            case "vni" or "vni-windows" or "vni-win" or "vniwin":
                return Vni;
        }

        var digits = v.StartsWith("cp", StringComparison.Ordinal) ? v[2..]
            : v.StartsWith("windows-", StringComparison.Ordinal) ? v[8..]
            : v.StartsWith("ansi ", StringComparison.Ordinal) ? v[5..]
            : v;
        try
        {
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var cp)
                ? FromEncoding(CodePages.Get(cp))
                : FromEncoding(CodePages.Get(v));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string LabelOf(Encoding e) =>
        e.WebName.StartsWith("windows-", StringComparison.Ordinal) ? "Windows-" + e.WebName[8..] : e.WebName.ToUpperInvariant();

    /// <inheritdoc />
    public override string ToString() => Label;
}
