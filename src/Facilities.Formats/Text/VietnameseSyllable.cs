using System.Text;

namespace Facilities.Formats.Text;

/// <summary>
/// Tells whether a word is a well-formed Vietnamese syllable: onset, vowel nucleus, coda and at most one tone mark.
/// Encoding detection scores candidate decodings by it, so mojibake (which breaks this shape) loses to real text.
/// </summary>
public static class VietnameseSyllable
{
    // Longest first, so "ngh" is tried before "ng" and "n"; "" last (syllables such as "ăn", "ở").
    private static readonly string[] Onsets =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly string[] Codas = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

    // Nuclei that may stand with or without a coda.
    private static readonly HashSet<string> FreeNuclei = new(StringComparer.Ordinal)
    {
        "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "ua", "ưa", "oa", "oe", "uê", "uy", "uơ", "oo", "ya",
    };

    // Nuclei ending in a semivowel (i/y/o/u): nothing may follow.
    private static readonly HashSet<string> OpenNuclei = new(StringComparer.Ordinal)
    {
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "iêu", "yêu", "oai", "oay",
        "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uyu", "uya", "uai", "uêu",
    };

    // Nuclei that need a consonant coda ("ăn", "tiên", "muốn", "người", "quyết", "hoặc", "xuân").
    private static readonly HashSet<string> ClosedNuclei = new(StringComparer.Ordinal)
    {
        "ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ",
    };

    private const string Letters = "abcdeghiklmnopqrstuvxyăâêôơưđ";

    /// <summary>True when <paramref name="word"/> (any case, composed or not) is a possible Vietnamese syllable.</summary>
    public static bool IsValid(string word)
    {
        if (word.Length is 0 or > 12)
        {
            return false;
        }

        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var bare = new StringBuilder(decomposed.Length);
        var tone = '\0';
        foreach (var c in decomposed)
        {
            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                if (tone != '\0')
                {
                    return false;
                }

                tone = c;
            }
            else
            {
                bare.Append(c);
            }
        }

        var letters = bare.ToString().Normalize(NormalizationForm.FormC);
        if (letters.Any(c => !Letters.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var onset in Onsets)
        {
            if (letters.StartsWith(onset, StringComparison.Ordinal) && HasValidRhyme(letters[onset.Length..], tone))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasValidRhyme(string rhyme, char tone)
    {
        foreach (var coda in Codas)
        {
            if (rhyme.Length <= coda.Length || !rhyme.EndsWith(coda, StringComparison.Ordinal))
            {
                continue;
            }

            var nucleus = rhyme[..^coda.Length];
            var fits = coda.Length == 0
                ? FreeNuclei.Contains(nucleus) || OpenNuclei.Contains(nucleus)
                : FreeNuclei.Contains(nucleus) || ClosedNuclei.Contains(nucleus);
            // A syllable closed by a stop (c, ch, p, t) only takes the sắc or nặng tone.
            var stop = coda is "c" or "ch" or "p" or "t";
            if (fits && (!stop || tone is '\u0301' or '\u0323'))
            {
                return true;
            }
        }

        return false;
    }
}
