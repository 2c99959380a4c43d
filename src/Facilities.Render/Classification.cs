namespace Facilities.Render;

/// <summary>
/// Classes computed from the data with round breaks: diverging (three surplus classes, exactly 0, three shortage
/// classes, symmetric around 0, the outer two open-ended) or sequential (up to seven equal classes from a round start).
/// </summary>
/// <remarks>
/// Diverging step s is the largest 1, 2 or 5 × 10^k below half the largest magnitude M, so the open outer classes
/// (beyond ±2s) are used by the extremes and the inner ones keep their resolution: M = 7 gives 1–2, 3–4, ≥ 5.
/// </remarks>
internal sealed class Classification
{
    private const int SideClasses = 3;
    private const int MaxSequentialClasses = 7;
    private const double Tolerance = 1e-9;

    private readonly double _start;

    // Limit-based classes (Jenks, quantiles): upper limit of each class, the last one +∞. Diverging maps keep one list
    // per side, on magnitudes, with the exact-zero class between them.
    private readonly List<(double Upper, MapClass Class)>? _upper;
    private readonly List<(double Upper, MapClass Class)>? _lower;
    private readonly MapClass? _zero;

    private Classification(bool diverging, double start, double step, IReadOnlyList<MapClass> classes)
    {
        Diverging = diverging;
        _start = start;
        Step = step;
        Classes = classes;
        Method = ClassMethod.Equal;
    }

    private Classification(
        ClassMethod method, bool diverging, List<(double, MapClass)> upper, List<(double, MapClass)> lower, MapClass? zero)
    {
        Method = method;
        Diverging = diverging;
        Step = double.NaN;
        _upper = upper;
        _lower = lower;
        _zero = zero;
        Classes = [.. Enumerable.Reverse(lower).Select(x => x.Item2), .. zero is null ? Array.Empty<MapClass>() : [zero], .. upper.Select(x => x.Item2)];
    }

    /// <summary>Whether a diverging map has classes above zero (shortage) to caption.</summary>
    public bool HasPositiveClasses => Diverging && Classes.Count > 0 && (_upper is null || _upper.Count > 0);

    /// <summary>Whether a diverging map has classes below zero (surplus) to caption.</summary>
    public bool HasNegativeClasses => Diverging && Classes.Count > 0 && (_lower is null || _lower.Count > 0);

    /// <summary>How the limits were chosen.</summary>
    public ClassMethod Method { get; }

    /// <summary>Whether the classes are diverging around 0.</summary>
    public bool Diverging { get; }

    /// <summary>Width of one class.</summary>
    public double Step { get; }

    /// <summary>Features without a value (drawn as no data).</summary>
    public int NoDataCount { get; private set; }

    /// <summary>Classes from the lowest values to the highest; empty when there is no value at all.</summary>
    public IReadOnlyList<MapClass> Classes { get; }

    /// <summary>Classifies the values (nulls are no data) and counts the features of each class.</summary>
    /// <param name="values">One value per feature; null is no data.</param>
    /// <param name="diverging">Classes on each side of an exact-zero class (shortage/surplus) instead of one ramp.</param>
    /// <param name="method">How the limits are chosen.</param>
    /// <param name="format">Writes a class limit with the given decimals (the sheet's language); invariant by default.</param>
    public static Classification Create(
        IEnumerable<double?> values, bool diverging, ClassMethod method = ClassMethod.Equal, Func<double, int, string>? format = null)
    {
        var all = values.ToList();
        var data = all.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToList();
        var integers = data.TrueForAll(v => v == Math.Round(v));
        var result = data.Count == 0 ? new Classification(diverging, 0, 1, [])
            : method != ClassMethod.Equal ? LimitClasses.Create(data, integers, diverging, method, format ?? NiceNumbers.Format)
            : diverging ? CreateDiverging(data, integers, format ?? NiceNumbers.Format) : CreateSequential(data, integers, format ?? NiceNumbers.Format);
        foreach (var v in data)
        {
            result.ClassOf(v)!.Count++;
        }

        result.NoDataCount = all.Count(v => v is not { } d || !double.IsFinite(d));

        return result;
    }

    /// <summary>The class of a value, or null for no data.</summary>
    public MapClass? ClassOf(double? value)
    {
        if (value is not { } v || !double.IsFinite(v) || Classes.Count == 0)
        {
            return null;
        }

        if (_upper is not null)
        {
            static MapClass? Find(List<(double Upper, MapClass Class)> side, double x) =>
                side.Count == 0 ? null : side.Find(c => x <= c.Upper + Tolerance).Class ?? side[^1].Class;
            return !Diverging ? Find(_upper, v)
                : v == 0 ? _zero
                : v > 0 ? Find(_upper, v) ?? _zero
                : Find(_lower!, -v) ?? _zero;
        }

        if (Diverging)
        {
            if (v == 0)
            {
                return Classes[SideClasses];
            }

            var k = Math.Clamp((int)Math.Ceiling((Math.Abs(v) / Step) - Tolerance), 1, SideClasses);
            return Classes[SideClasses + (Math.Sign(v) * k)];
        }

        var i = (int)Math.Ceiling(((v - _start) / Step) - Tolerance) - 1;
        return Classes[Math.Clamp(i, 0, Classes.Count - 1)];
    }

    /// <summary>A limit-based classification (see <see cref="LimitClasses"/>).</summary>
    internal static Classification FromLimits(
        ClassMethod method, bool diverging, List<(double, MapClass)> upper, List<(double, MapClass)> lower, MapClass? zero) =>
        new(method, diverging, upper, lower, zero);

    private static Classification CreateDiverging(List<double> data, bool integers, Func<double, int, string> format)
    {
        var max = data.Max(Math.Abs);
        var step = max == 0 ? 1 : NiceNumbers.Floor(max * (1 - Tolerance) / (SideClasses - 1));
        if (integers)
        {
            step = Math.Max(1, step);
        }

        var decimals = NiceNumbers.Decimals(step);
        string F(double x) => format(x, decimals);
        var classes = new MapClass[(2 * SideClasses) + 1];
        classes[SideClasses] = new MapClass(MapColors.RdBu7[SideClasses], format(0, 0));
        for (var k = 1; k <= SideClasses; k++)
        {
            double low = (k - 1) * step, high = k * step;
            string positive, negative;
            if (k == SideClasses)
            {
                positive = integers ? $"≥ {F(low + 1)}" : $"> {F(low)}";
                negative = integers ? $"≤ {F(-(low + 1))}" : $"< {F(-low)}";
            }
            else if (integers)
            {
                positive = low + 1 == high ? F(high) : $"{F(low + 1)} … {F(high)}";
                negative = low + 1 == high ? F(-high) : $"{F(-high)} … {F(-(low + 1))}";
            }
            else
            {
                positive = $"({F(low)}, {F(high)}]";
                negative = $"[{F(-high)}, {F(-low)})";
            }

            classes[SideClasses + k] = new MapClass(MapColors.RdBu7[SideClasses + k], positive);
            classes[SideClasses - k] = new MapClass(MapColors.RdBu7[SideClasses - k], negative);
        }

        return new Classification(true, 0, step, classes);
    }

    private static Classification CreateSequential(List<double> data, bool integers, Func<double, int, string> format)
    {
        double min = data.Min(), max = data.Max();
        var step = max > min ? NiceNumbers.Ceil((max - min) / 5) : NiceNumbers.Ceil(Math.Abs(max));
        if (integers)
        {
            step = Math.Max(1, step);
        }

        double start;
        int count;
        while (true)
        {
            start = Math.Floor((min / step) + Tolerance) * step;
            count = Math.Max(1, (int)Math.Ceiling(((max - start) / step) - Tolerance));
            if (count <= MaxSequentialClasses)
            {
                break;
            }

            step = NiceNumbers.Next(step);
        }

        var decimals = NiceNumbers.Decimals(step);
        string F(double x) => format(x, decimals);
        var colors = MapColors.Viridis(count);
        var classes = new MapClass[count];
        for (var i = 0; i < count; i++)
        {
            double low = start + (i * step), high = low + step;
            var label = integers
                ? (i == 0 ? $"{F(low)} … {F(high)}" : low + 1 == high ? F(high) : $"{F(low + 1)} … {F(high)}")
                : (i == 0 ? $"[{F(low)}, {F(high)}]" : $"({F(low)}, {F(high)}]");
            classes[i] = new MapClass(colors[i], label);
        }

        return new Classification(false, start, step, classes);
    }
}
