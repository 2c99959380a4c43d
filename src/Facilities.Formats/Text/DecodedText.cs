namespace Facilities.Formats.Text;

/// <summary>A text file's content decoded to Unicode (NFC), with the encoding that was used.</summary>
/// <param name="Text">The text, without a byte-order mark.</param>
/// <param name="Encoding">The encoding found or given: "utf-8", "windows-1258", "tcvn3", "vni", …</param>
/// <param name="Detected">True when the encoding was detected, false when the user gave it.</param>
public sealed record DecodedText(string Text, string Encoding, bool Detected);
