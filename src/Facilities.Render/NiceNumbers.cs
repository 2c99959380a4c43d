using System.Globalization;

namespace Facilities.Render;

/// <summary>Round class widths and scale-bar lengths (1, 2 or 5 × 10^k) and their invariant formatting.</summary>
internal static class NiceNumbers
{
    /// <summary>The smallest 1, 2 or 5 × 10^k not below <paramref name="x"/> (x &gt; 0).</summary>
    public static double Ceil(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(x)));
        foreach (var m in (ReadOnlySpan<double>)[1, 2, 5, 10])
        {
            if (m * power >= x * (1 - 1e-12))
            {
                return m * power;
            }
        }

        return 10 * power;
    }

    /// <summary>The largest 1, 2 or 5 × 10^k not above <paramref name="x"/> (x &gt; 0).</summary>
    public static double Floor(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(x)));
        foreach (var m in (ReadOnlySpan<double>)[10, 5, 2, 1])
        {
            if (m * power <= x * (1 + 1e-12))
            {
                return m * power;
            }
        }

        return power;
    }

    /// <summary>The next round number above a round <paramref name="step"/>: 1 → 2 → 5 → 10.</summary>
    public static double Next(double step) => Ceil(step * 1.5);

    /// <summary>Decimals needed to write multiples of <paramref name="step"/> exactly.</summary>
    public static int Decimals(double step) => step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);

    /// <summary>Invariant text with a true minus sign (U+2212) and no grouping.</summary>
    public static string Format(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals);
        var text = Math.Abs(rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded < 0 ? "\u2212" + text : text;
    }
}
