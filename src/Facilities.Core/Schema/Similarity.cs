namespace Facilities.Core.Schema;

/// <summary>How alike two normalised names are, to suggest the schema field a kept-as-extra column may mean.</summary>
public static class Similarity
{
    /// <summary>
    /// Dice coefficient of the character pairs of <paramref name="a"/> and <paramref name="b"/> with '_' removed:
    /// 1 for the same letters in the same order, 0 for nothing in common. Pairs tolerate a cut name
    /// ("so_phong") or a swapped word better than an edit distance does.
    /// </summary>
    public static double Dice(string a, string b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return a.Replace("_", "", StringComparison.Ordinal) == b.Replace("_", "", StringComparison.Ordinal) ? 1 : 0;
        }

        var remaining = new List<string>(y);
        var shared = 0;
        foreach (var p in x)
        {
            var i = remaining.IndexOf(p);
            if (i >= 0)
            {
                shared++;
                remaining.RemoveAt(i);
            }
        }

        return 2.0 * shared / (x.Count + y.Count);
    }

    private static List<string> Pairs(string s)
    {
        var letters = s.Replace("_", "", StringComparison.Ordinal);
        var pairs = new List<string>(Math.Max(letters.Length - 1, 0));
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            pairs.Add(letters.Substring(i, 2));
        }

        return pairs;
    }
}
