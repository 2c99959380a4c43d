using System.Text;

namespace Facilities.Formats.Text;

/// <summary>
/// Chooses the encoding of Vietnamese text that arrives without a reliable label. Valid UTF-8 is UTF-8, and a
/// declared code page is believed, unless another reading of the same bytes (Windows-1258, TCVN3, VNI) reads
/// clearly more as Vietnamese: candidates are scored by how many of their non-ASCII words are Vietnamese
/// syllables (<see cref="TextScore"/>), never by a guess on a few bytes.
/// </summary>
public static class EncodingDetector
{
    // A reading must have at least this share of syllables among its non-ASCII words to be taken as Vietnamese,
    // so French or German names in Windows-1252 are never "converted" as VNI.
    private const double MinRatio = 0.6;

    // Touching CodePages first registers the code-page provider that Windows-1252 needs.
    private static readonly Encoding Strict1252 =
        Encoding.GetEncoding(CodePages.Windows1252.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>
    /// The encoding of <paramref name="samples"/> (a whole file, or every text value of a .dbf). Null when the
    /// bytes are not UTF-8, nothing was declared and no reading is Vietnamese: the caller says what was tried.
    /// </summary>
    /// <param name="samples">The raw bytes.</param>
    /// <param name="declared">What the file says it is (a .cpg, a dBASE code-page byte), or null.</param>
    public static EncodingChoice? Choose(IReadOnlyList<byte[]> samples, SourceEncoding? declared)
    {
        if (samples.All(s => Array.TrueForAll(s, b => b < 0x80)))
        {
            return new EncodingChoice(declared ?? SourceEncoding.Utf8, false, default);
        }

        var utf8 = samples.All(s => SourceEncoding.IsUtf8(s));
        var primary = utf8 ? SourceEncoding.Utf8 : declared is { Name: not "utf-8" } ? declared : null;
        EncodingChoice? best = primary is null ? null : new EncodingChoice(primary, false, Score(samples, primary, false));

        // Real UTF-8 Vietnamese holds letters (ư, ơ, ạ…) that Windows-1252 cannot: then it is not mojibake.
        var asUtf8 = utf8 && samples.All(s => TryWindows1252Bytes(SourceEncoding.Utf8.Decode(s), out _));
        if (utf8 && !asUtf8)
        {
            return best;
        }

        var legacy = new[] { SourceEncoding.Windows1258, SourceEncoding.Tcvn3, SourceEncoding.Vni };
        foreach (var candidate in legacy.Where(c => c != primary))
        {
            var score = Score(samples, candidate, asUtf8);
            if (score.Valid > 0 && score.Ratio >= MinRatio && (best is null || score.Net > best.Score.Net))
            {
                best = new EncodingChoice(candidate, true, score, asUtf8);
            }
        }

        return best;
    }

    /// <summary>The Windows-1252 bytes of <paramref name="text"/>, when every character has one.</summary>
    public static bool TryWindows1252Bytes(string text, out byte[] bytes)
    {
        try
        {
            bytes = Strict1252.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            bytes = [];
            return false;
        }
    }

    private static TextScore Score(IReadOnlyList<byte[]> samples, SourceEncoding encoding, bool storedAsUtf8)
    {
        var choice = new EncodingChoice(encoding, false, default, storedAsUtf8);
        int valid = 0, invalid = 0;
        foreach (var s in samples)
        {
            var score = TextScore.Of(choice.Decode(s));
            valid += score.Valid;
            invalid += score.Invalid;
        }

        return new TextScore(valid, invalid);
    }
}
