using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Finds outlying features (an island far offshore) that would shrink the main map into a corner, so they can be
/// drawn in insets. Features are grouped by single linkage: two features are linked when their envelopes are at
/// most <see cref="GapFraction"/> of the larger side of the whole extent apart. The group with the most features is
/// the main body; another group is an outlier when its envelope is still more than <see cref="GapFraction"/> of the
/// main body's larger side away from the main body's envelope (nearer groups join the main body). Insets are used
/// only when every outlying group is small (its larger side at most <see cref="MaxGroupSide"/> of the main body's),
/// there are at most <see cref="MaxInsets"/> groups holding at most a quarter of the features (at least one), and
/// fitting the main body alone enlarges the map scale at least <see cref="MinGain"/> times. Whole features are moved,
/// never parts of a multipolygon; the result depends only on the geometries and their order.
/// </summary>
internal static class InsetPlanner
{
    /// <summary>Gap, as a fraction of the larger side of an extent, beyond which a group counts as detached.</summary>
    public const double GapFraction = 0.25;

    /// <summary>Least factor by which the main map's scale must grow for insets to be worth it.</summary>
    public const double MinGain = 1.3;

    /// <summary>Most insets on one map.</summary>
    public const int MaxInsets = 3;

    /// <summary>Largest side of an outlying group, as a fraction of the main body's larger side.</summary>
    public const double MaxGroupSide = 0.5;

    /// <summary>Splits non-empty polygon features into the main body and outlying groups.</summary>
    /// <param name="features">Features with non-empty geometries.</param>
    /// <param name="frame">Map frame the main body will be fitted into (its shape decides the scale gain).</param>
    /// <param name="marginFraction">Margin used when fitting, as in <see cref="MapTransform.Fit"/>.</param>
    public static InsetPlan Plan(IReadOnlyList<MapFeature> features, SKRect frame, float marginFraction)
    {
        var none = new InsetPlan(features, []);
        if (features.Count < 3)
        {
            return none;
        }

        var envelopes = features.Select(f => f.Geometry.EnvelopeInternal).ToArray();
        var all = Extent(envelopes, Enumerable.Range(0, features.Count));
        var link = GapFraction * LargerSide(all);
        if (!(link > 0))
        {
            return none;
        }

        var groups = Cluster(envelopes, link);
        var main = groups.MaxBy(g => g.Count)!;
        groups.Remove(main);
        Envelope mainExtent;
        while (true)
        {
            mainExtent = Extent(envelopes, main);
            var limit = GapFraction * LargerSide(mainExtent);
            var near = groups.Find(g => Extent(envelopes, g).Distance(mainExtent) <= limit);
            if (near is null)
            {
                break;
            }

            main = [.. main.Concat(near).Order()];
            groups.Remove(near);
        }

        var outlying = groups.Sum(g => g.Count);
        if (groups.Count == 0 || groups.Count > MaxInsets || outlying > Math.Max(1, features.Count / 4)
            || groups.Exists(g => LargerSide(Extent(envelopes, g)) > MaxGroupSide * LargerSide(mainExtent)))
        {
            return none;
        }

        var gain = MapTransform.Fit(mainExtent, frame, marginFraction).PixelsPerMetre / MapTransform.Fit(all, frame, marginFraction).PixelsPerMetre;
        if (!(gain >= MinGain))
        {
            return none;
        }

        return new InsetPlan(
            [.. main.Select(i => features[i])],
            [.. groups.Select(g => (IReadOnlyList<MapFeature>)[.. g.Select(i => features[i])])]);
    }

    /// <summary>The envelope of the listed features.</summary>
    public static Envelope Extent(IReadOnlyList<Envelope> envelopes, IEnumerable<int> members)
    {
        var extent = new Envelope();
        foreach (var i in members)
        {
            extent.ExpandToInclude(envelopes[i]);
        }

        return extent;
    }

    private static double LargerSide(Envelope e) => Math.Max(e.Width, e.Height);

    /// <summary>Single-linkage groups of envelopes at most <paramref name="link"/> apart, each ascending, ordered by first member.</summary>
    private static List<List<int>> Cluster(Envelope[] envelopes, double link)
    {
        var parent = Enumerable.Range(0, envelopes.Length).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var tree = new STRtree<int>();
        for (var i = 0; i < envelopes.Length; i++)
        {
            tree.Insert(envelopes[i], i);
        }

        tree.Build();
        for (var i = 0; i < envelopes.Length; i++)
        {
            var search = new Envelope(envelopes[i]);
            search.ExpandBy(link);
            foreach (var j in tree.Query(search))
            {
                var (a, b) = (Find(i), Find(j));
                if (a != b && envelopes[i].Distance(envelopes[j]) <= link)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        return [.. Enumerable.Range(0, envelopes.Length).GroupBy(Find).Select(g => g.ToList())];
    }
}
