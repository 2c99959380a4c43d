using Facilities.Core.Presentation;

namespace Facilities.Render;

/// <summary>
/// Classes from data-driven limits (Jenks natural breaks or quantiles, <see cref="ClassBreaks"/>), each limit moved to
/// the roundest number between one class's largest value and the next class's smallest, so no feature changes class and
/// the legend reads 1–5, 6–20, ≥ 21 rather than 1–4.37. A diverging map classes its shortage and surplus sides
/// separately (up to three classes each) around the exact-zero class, keeping the RdBu colours' meaning.
/// </summary>
internal static class LimitClasses
{
    private const int SequentialClasses = 5;
    private const int SideClasses = 3;

    // RdBu7 steps away from the neutral middle for a side of 1, 2 or 3 classes: a lone class is the middle shade.
    private static readonly int[][] SideShades = [[], [2], [2, 3], [1, 2, 3]];

    private enum Side
    {
        Sequential,
        Positive,
        Negative,
    }

    /// <summary>Classifies non-empty finite data.</summary>
    public static Classification Create(List<double> data, bool integers, bool diverging, ClassMethod method, Func<double, int, string> format)
    {
        if (!diverging)
        {
            var limits = Limits(data, SequentialClasses, method);
            var colors = MapColors.Viridis(limits.Count);
            var classes = Build(limits, data, integers, Side.Sequential, format).Select((x, i) => (x.Upper, new MapClass(colors[i], x.Label))).ToList();
            return Classification.FromLimits(method, false, classes, [], null);
        }

        List<(double, MapClass)> SideClasses(List<double> magnitudes, Side side)
        {
            if (magnitudes.Count == 0)
            {
                return [];
            }

            var limits = Limits(magnitudes, LimitClasses.SideClasses, method);
            var shades = SideShades[limits.Count];
            var sign = side == Side.Positive ? 1 : -1;
            return [.. Build(limits, magnitudes, integers, side, format)
                .Select((x, i) => (x.Upper, new MapClass(MapColors.RdBu7[3 + (sign * shades[i])], x.Label)))];
        }

        var upper = SideClasses([.. data.Where(v => v > 0)], Side.Positive);
        var lower = SideClasses([.. data.Where(v => v < 0).Select(v => -v)], Side.Negative);
        return Classification.FromLimits(method, true, upper, lower, new MapClass(MapColors.RdBu7[3], format(0, 0)));
    }

    /// <summary>Upper limit of each class (round numbers; the last one +∞).</summary>
    private static List<double> Limits(List<double> values, int classes, ClassMethod method)
    {
        var uppers = method == ClassMethod.Quantile ? ClassBreaks.Quantiles(values, classes) : ClassBreaks.Jenks(values, classes);
        var limits = new List<double>();
        for (var i = 0; i < uppers.Count - 1; i++)
        {
            var next = values.Where(v => v > uppers[i]).Min();
            limits.Add(ClassBreaks.RoundLimit(uppers[i], next));
        }

        limits.Add(double.PositiveInfinity);
        return limits;
    }

    private static IEnumerable<(double Upper, string Label)> Build(List<double> limits, List<double> values, bool integers, Side side, Func<double, int, string> format)
    {
        var decimals = integers ? 0 : limits.Where(double.IsFinite).Select(Decimals).DefaultIfEmpty(Decimals(values.Max())).Max();
        string F(double x) => format(side == Side.Negative ? -x : x, decimals);
        var m = limits.Count;
        for (var i = 0; i < m; i++)
        {
            var last = i == m - 1;
            var low = i == 0 ? (side == Side.Sequential ? double.NaN : 0) : limits[i - 1];
            var high = limits[i];
            string label;
            if (m == 1 && side == Side.Sequential)
            {
                double min = values.Min(), max = values.Max();
                label = min == max ? F(min) : $"{F(min)} … {F(max)}";
            }
            else if (double.IsNaN(low))
            {
                label = $"≤ {F(high)}";
            }
            else if (integers)
            {
                var from = low + 1;
                label = side == Side.Negative
                    ? (last ? $"≤ {F(from)}" : from == high ? F(high) : $"{F(high)} … {F(from)}")
                    : (last ? $"≥ {F(from)}" : from == high ? F(high) : $"{F(from)} … {F(high)}");
            }
            else
            {
                label = side == Side.Negative
                    ? (last ? $"< {F(low)}" : $"[{F(high)}, {F(low)})")
                    : (last ? $"> {F(low)}" : $"({F(low)}, {F(high)}]");
            }

            yield return (high, label);
        }
    }

    private static int Decimals(double x)
    {
        for (var d = 0; d < 3; d++)
        {
            if (Math.Abs(Math.Round(x, d) - x) < 1e-9)
            {
                return d;
            }
        }

        return 3;
    }
}
