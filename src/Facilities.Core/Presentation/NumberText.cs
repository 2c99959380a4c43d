using System.Globalization;
using Facilities.Core.Validation;

namespace Facilities.Core.Presentation;

/// <summary>
/// Numbers as people read them: in Vietnamese with '.' between thousands and ',' before decimals (2.077,76), in
/// English with ',' and '.' (2,077.76). Counts of people are whole (a fraction of a pupil is shown rounded); data
/// files (CSV, GeoPackage, JSON) keep invariant numbers, and XLSX cells stay numeric with a number format.
/// </summary>
public static class NumberText
{
    private static readonly NumberFormatInfo Vi = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };
    private static readonly NumberFormatInfo En = new() { NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NegativeSign = "-" };

    /// <summary>The number format of a language.</summary>
    public static NumberFormatInfo FormatOf(Language language) => language == Language.En ? En : Vi;

    /// <summary><paramref name="value"/> with thousands grouped and <paramref name="decimals"/> decimals.</summary>
    public static string Format(double value, int decimals, Language language) =>
        value.ToString("N" + Math.Clamp(decimals, 0, 15).ToString(CultureInfo.InvariantCulture), FormatOf(language));

    /// <summary>A whole count with thousands grouped.</summary>
    public static string Count(long value, Language language) => value.ToString("N0", FormatOf(language));

    /// <summary>A number of people (pupils, children, residents), rounded half away from zero to a whole person.</summary>
    public static string People(double value, Language language) =>
        Format(Math.Round(value, MidpointRounding.AwayFromZero), 0, language);

    /// <summary>A measure with up to <paramref name="maxDecimals"/> decimals, trailing zeros dropped (12,5 not 12,50).</summary>
    public static string Measure(double value, int maxDecimals, Language language)
    {
        var rounded = Math.Round(value, Math.Clamp(maxDecimals, 0, 15), MidpointRounding.AwayFromZero);
        var decimals = 0;
        while (decimals < maxDecimals && Math.Abs(Math.Round(rounded, decimals) - rounded) > 1e-9)
        {
            decimals++;
        }

        return Format(rounded, decimals, language);
    }

    /// <summary>A share (0.125) as a percentage with <paramref name="decimals"/> decimals and no space: 12,5% / 12.5%.</summary>
    public static string Percent(double share, int decimals, Language language) =>
        double.IsFinite(share) ? Format(share * 100, decimals, language) + "%" : "—";
}
