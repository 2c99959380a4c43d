namespace Facilities.Formats.Text;

/// <summary>How a decoding reads as Vietnamese: its words with non-ASCII letters that are, or are not, syllables.</summary>
/// <param name="Valid">Words with a non-ASCII character that are well-formed Vietnamese syllables.</param>
/// <param name="Invalid">Words with a non-ASCII character that are not.</param>
public readonly record struct TextScore(int Valid, int Invalid)
{
    /// <summary>Valid minus invalid words: the higher, the more the text reads as Vietnamese.</summary>
    public int Net => Valid - Invalid;

    /// <summary>Share of the non-ASCII words that are syllables (0 when there are none).</summary>
    public double Ratio => Valid + Invalid == 0 ? 0 : (double)Valid / (Valid + Invalid);

    /// <summary>Scores <paramref name="text"/>; words are split at ASCII spaces, digits and punctuation.</summary>
    public static TextScore Of(string text)
    {
        int valid = 0, invalid = 0, start = 0;
        var nonAscii = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c < 0x80 && !char.IsAsciiLetter(c))
            {
                if (nonAscii)
                {
                    if (VietnameseSyllable.IsValid(text[start..i]))
                    {
                        valid++;
                    }
                    else
                    {
                        invalid++;
                    }
                }

                start = i + 1;
                nonAscii = false;
            }
            else if (c >= 0x80)
            {
                nonAscii = true;
            }
        }

        return new TextScore(valid, invalid);
    }
}
