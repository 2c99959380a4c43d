namespace Facilities.Reports.Styles;

/// <summary>
/// The app's class breaks (ramp.js classify): up to five quantile classes of the positive values, upper bounds rounded
/// up to whole units, coloured across <see cref="MapPalette.Viridis5"/>. A GeoPackage or style written from the same
/// values therefore shows the same classes as the map; ColourClassesMatchClientTests runs both on the same numbers.
/// </summary>
public static class ColourClasses
{
    /// <summary>The classes of <paramref name="values"/> (nulls and values ≤ 0 are not classed: they are "unknown" and "no shortage").</summary>
    public static IReadOnlyList<ColourClass> Classify(IEnumerable<double?> values)
    {
        var positive = values.Where(v => v is > 0).Select(v => v!.Value).Order().ToList();
        if (positive.Count == 0)
        {
            return [];
        }

        var count = Math.Min(5, positive.Select(Math.Ceiling).Distinct().Count());
        var bounds = new List<(double Lower, double Upper)>();
        var lower = 0.0;
        for (var i = 1; i <= count; i++)
        {
            var upper = Math.Ceiling(positive[(int)Math.Ceiling((double)i * positive.Count / count) - 1]);
            if (upper > lower)
            {
                bounds.Add((lower, upper));
                lower = upper;
            }
        }

        // Spread the ramp over the classes (as the app does), so two classes still get light and dark.
        var last = MapPalette.Viridis5.Count - 1;
        return bounds.Select((b, i) => new ColourClass(b.Lower, b.Upper, MapPalette.Viridis5[bounds.Count == 1
            ? last
            : (int)Math.Round((double)i * last / (bounds.Count - 1), MidpointRounding.AwayFromZero)])).ToList();
    }
}
