namespace Facilities.Core.Presentation;

/// <summary>
/// Class breaks that spread the features of a report map over its colours: Jenks natural breaks (Fisher's exact
/// optimisation: the grouping of the sorted values that minimises the summed squared deviation from each class mean)
/// and quantiles (about the same number of features in each class). Equal values never fall into two classes.
/// </summary>
public static class ClassBreaks
{
    /// <summary>
    /// Jenks natural breaks: the largest value of each class, lowest class first. Fewer classes come back when there
    /// are fewer distinct values than <paramref name="classes"/>.
    /// </summary>
    /// <param name="values">Finite values, any order.</param>
    /// <param name="classes">Classes wanted (at least 1).</param>
    public static IReadOnlyList<double> Jenks(IEnumerable<double> values, int classes)
    {
        var (distinct, weights) = Distinct(values);
        var n = distinct.Length;
        var k = Math.Min(Math.Max(1, classes), n);
        if (n == 0)
        {
            return [];
        }

        // Prefix sums of weight, weighted value and weighted square: the squared deviation of distinct[i..j] in O(1).
        var w = new double[n + 1];
        var s = new double[n + 1];
        var q = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            w[i + 1] = w[i] + weights[i];
            s[i + 1] = s[i] + (weights[i] * distinct[i]);
            q[i + 1] = q[i] + (weights[i] * distinct[i] * distinct[i]);
        }

        double Cost(int from, int to)
        {
            var weight = w[to + 1] - w[from];
            var sum = s[to + 1] - s[from];
            return Math.Max(0, q[to + 1] - q[from] - (sum * sum / weight));
        }

        // best[c, j]: least cost of putting distinct[0..j] into c + 1 classes; start[c, j]: where the last one begins.
        var best = new double[k, n];
        var start = new int[k, n];
        for (var j = 0; j < n; j++)
        {
            best[0, j] = Cost(0, j);
        }

        for (var c = 1; c < k; c++)
        {
            for (var j = c; j < n; j++)
            {
                best[c, j] = double.PositiveInfinity;
                for (var i = c; i <= j; i++)
                {
                    var cost = best[c - 1, i - 1] + Cost(i, j);
                    if (cost < best[c, j])
                    {
                        best[c, j] = cost;
                        start[c, j] = i;
                    }
                }
            }
        }

        var uppers = new double[k];
        var end = n - 1;
        for (var c = k - 1; c >= 0; c--)
        {
            uppers[c] = distinct[end];
            end = c == 0 ? -1 : start[c, end] - 1;
        }

        return uppers;
    }

    /// <summary>
    /// Quantiles: the largest value of each class when the sorted values are cut into <paramref name="classes"/>
    /// runs of about equal length (a run of equal values stays in one class, so there may be fewer).
    /// </summary>
    public static IReadOnlyList<double> Quantiles(IEnumerable<double> values, int classes)
    {
        var sorted = values.Order().ToArray();
        var k = Math.Max(1, classes);
        var uppers = new List<double>();
        for (var c = 1; c <= k && sorted.Length > 0; c++)
        {
            var v = sorted[Math.Max(0, (int)Math.Ceiling((double)c * sorted.Length / k) - 1)];
            if (uppers.Count == 0 || v > uppers[^1])
            {
                uppers.Add(v);
            }
        }

        return uppers;
    }

    /// <summary>
    /// The roundest number t with <paramref name="low"/> ≤ t &lt; <paramref name="high"/> (fewest significant digits,
    /// then a multiple of 5, then of 2): a class limit between the largest value of one class and the smallest of
    /// the next that moves no feature and reads well in a legend (1 234 and 1 610 → 1 500).
    /// </summary>
    public static double RoundLimit(double low, double high)
    {
        if (!(high > low))
        {
            return low;
        }

        var power = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(Math.Abs(low), Math.Abs(high)) + 1)));
        for (var p = power; p >= (high - low) / 1000; p /= 10)
        {
            foreach (var m in (ReadOnlySpan<double>)[10, 5, 2, 1])
            {
                var step = m * p / 10;
                var t = Math.Ceiling(low / step) * step;
                if (t >= low && t < high)
                {
                    return Math.Round(t, 12);
                }
            }
        }

        return low;
    }

    private static (double[] Values, double[] Weights) Distinct(IEnumerable<double> values)
    {
        var groups = values.GroupBy(v => v).OrderBy(g => g.Key).ToArray();
        return ([.. groups.Select(g => g.Key)], [.. groups.Select(g => (double)g.Count())]);
    }
}
