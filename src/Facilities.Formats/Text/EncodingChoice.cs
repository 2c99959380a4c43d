namespace Facilities.Formats.Text;

/// <summary>The encoding chosen for a file's text, and how to decode its bytes with it.</summary>
/// <param name="Encoding">The encoding the text is really in.</param>
/// <param name="Detected">True when it was recognised from the text rather than taken as declared (or UTF-8 as valid).</param>
/// <param name="Score">How the decoded text reads as Vietnamese.</param>
/// <param name="StoredAsUtf8">
/// True when legacy-font text had been decoded once as Windows-1252 and saved as UTF-8 ("Tröôøng" in a UTF-8
/// file): the bytes are UTF-8, turned back into Windows-1252 bytes before <see cref="Encoding"/> decodes them.
/// </param>
public sealed record EncodingChoice(SourceEncoding Encoding, bool Detected, TextScore Score, bool StoredAsUtf8 = false)
{
    /// <summary>The text of <paramref name="bytes"/> (a whole file or one field value), Unicode NFC.</summary>
    public string Decode(byte[] bytes)
    {
        if (!StoredAsUtf8)
        {
            return Encoding.Decode(bytes);
        }

        var text = SourceEncoding.Utf8.Decode(bytes);
        return EncodingDetector.TryWindows1252Bytes(text, out var raw) ? Encoding.Decode(raw) : text;
    }
}
