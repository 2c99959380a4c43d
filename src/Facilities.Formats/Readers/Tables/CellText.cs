using System.Globalization;

namespace Facilities.Formats.Readers.Tables;

/// <summary>How cells read as text and as numbers, whatever the source gave (text in a CSV, typed cells in .xlsx).</summary>
public static class CellText
{
    /// <summary>The trimmed text of a cell, or "" when it is empty.</summary>
    public static string Of(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => Iso(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString()?.Trim() ?? "",
    };

    /// <summary>Whether a cell holds nothing.</summary>
    public static bool IsBlank(object? cell) => Of(cell).Length == 0;

    /// <summary>A date as ISO 8601 text: the date alone when it has no time of day.</summary>
    public static string Iso(DateTime t) => t.TimeOfDay == TimeSpan.Zero
        ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A number written with a dot ("106.731768") or a numeric cell.</summary>
    public static bool TryNumber(object? cell, out double value)
    {
        switch (cell)
        {
            case double d:
                value = d;
                return true;
            case string s:
                return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>
    /// A number in Vietnamese writing: decimal comma, optional '.' thousands ("106,731768", "1.234,5", "2.306.543,21").
    /// </summary>
    public static bool TryDecimalComma(string text, out double value)
    {
        value = 0;
        var s = text.Trim();
        if (s.Length == 0 || !IsDecimalCommaShape(s))
        {
            return false;
        }

        return double.TryParse(s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsDecimalCommaShape(string s)
    {
        var i = s[0] is '-' or '+' ? 1 : 0;
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        var whole = comma < 0 ? s[i..] : s[i..comma];
        var fraction = comma < 0 ? "0" : s[(comma + 1)..];
        if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit) || whole.Length == 0)
        {
            return false;
        }

        // A leading zero is a code ("0225", "01,2"), not a number.
        if (whole.Length > 1 && whole[0] == '0')
        {
            return false;
        }

        var groups = whole.Split('.');
        if (groups.Length == 1)
        {
            return whole.All(char.IsAsciiDigit);
        }

        // Thousands groups: 1–3 digits, then groups of exactly three.
        return groups[0].Length is >= 1 and <= 3 && groups.All(g => g.All(char.IsAsciiDigit))
            && groups.Skip(1).All(g => g.Length == 3);
    }
}
