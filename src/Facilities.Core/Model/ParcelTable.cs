using Facilities.Core.Screening;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>
/// A dataset's parcels held column by column, as a long-lived host (the map app's server) keeps them between
/// requests: area, an attribute class (a small integer into the list of distinct land use, planned land use and
/// owner type triples), the envelope in the metric CRS, the id, and the geometry as flat arrays decoded by row. The
/// screening reads it with <see cref="ParcelScreener.Screen(ParcelTable)"/>, which keeps what does not depend on
/// its options (ward, geometric tests, width) per row here, so a later screening with other options is one pass over
/// arrays plus the parcels that can pass. Immutable once built; thread-safe.
/// </summary>
/// <remarks>
/// PERF (issue 15, docs/performance.md): a million <see cref="ParcelUnit"/>s with their NTS geometries take about
/// 700 MB and a screening walks a million objects; this table takes about 150 bytes a parcel and the screening's
/// first tests read two arrays.
/// </remarks>
public sealed class ParcelTable
{
    private const int Batch = 8192;
    private readonly int[] _idStart;
    private readonly char[] _idChars;
    private readonly CompactGeometries _shapes;
    private readonly object _gate = new();
    private volatile ParcelTableCache? _cache;

    private ParcelTable(double[] area, int[] attributes, ParcelAttributes[] classes, char[] idChars, int[] idStart,
        double[][] envelope, CompactGeometries shapes)
    {
        Area = area;
        Attributes = attributes;
        Classes = classes;
        (_idChars, _idStart) = (idChars, idStart);
        (MinX, MaxX, MinY, MaxY) = (envelope[0], envelope[1], envelope[2], envelope[3]);
        _shapes = shapes;
    }

    /// <summary>Parcels held.</summary>
    public int Count => Area.Length;

    /// <summary>Distinct (land use, planned land use, owner type) triples.</summary>
    public int AttributeClassCount => Classes.Length;

    /// <summary>Geometries held as objects rather than arrays (not polygons of plain x, y coordinates).</summary>
    public int GeometriesHeldAsObjects => _shapes.ObjectCount;

    /// <summary>Bytes held in the table's arrays (the per-row values kept by screenings included; objects not counted).</summary>
    public long ArrayBytes => (Count * (8L + 4 + 32 + 4)) + (_idChars.Length * 2L) + _shapes.ArrayBytes + (_cache?.ArrayBytes ?? 0);

    /// <summary>Area, m², by row (the stated area, else the geometry's, as <see cref="ParcelUnit.AreaM2"/>).</summary>
    internal double[] Area { get; }

    /// <summary>Attribute class by row, an index into <see cref="Classes"/>.</summary>
    internal int[] Attributes { get; }

    /// <summary>The distinct attribute triples.</summary>
    internal ParcelAttributes[] Classes { get; }

    internal double[] MinX { get; }

    internal double[] MaxX { get; }

    internal double[] MinY { get; }

    internal double[] MaxY { get; }

    /// <summary>
    /// Reads <paramref name="parcels"/> (in the metric CRS, in layer order) into a table, decoding every geometry once.
    /// </summary>
    public static ParcelTable Build(IEnumerable<ParcelUnit> parcels)
    {
        var area = new GrowableArray<double>();
        var attributes = new GrowableArray<int>();
        var classes = new Dictionary<ParcelAttributes, int>();
        var idChars = new GrowableArray<char>();
        var idStart = new GrowableArray<int>();
        var envelope = new[] { new GrowableArray<double>(), new GrowableArray<double>(), new GrowableArray<double>(), new GrowableArray<double>() };
        var shapes = new CompactGeometries();
        var batch = new List<ParcelUnit>(Batch);
        var geometries = new Geometry[Batch];

        void Flush()
        {
            // PERF: decoding (and reprojecting) the stored geometries is most of the build; it runs on every core.
            Parallel.For(0, batch.Count, i => geometries[i] = batch[i].Peek());
            for (var i = 0; i < batch.Count; i++)
            {
                var (p, g) = (batch[i], geometries[i]);
                area.Add(p.AreaM2);
                var key = new ParcelAttributes(p.LandUse, p.PlannedLandUse, p.OwnerType);
                if (!classes.TryGetValue(key, out var c))
                {
                    classes[key] = c = classes.Count;
                }

                attributes.Add(c);
                idStart.Add(idChars.Length);
                idChars.AddRange(p.Id);
                var e = g.EnvelopeInternal;
                envelope[0].Add(e.IsNull ? double.NaN : e.MinX);
                envelope[1].Add(e.IsNull ? double.NaN : e.MaxX);
                envelope[2].Add(e.IsNull ? double.NaN : e.MinY);
                envelope[3].Add(e.IsNull ? double.NaN : e.MaxY);
                shapes.Add(g);
                geometries[i] = null!;
            }

            batch.Clear();
        }

        foreach (var p in parcels)
        {
            batch.Add(p);
            if (batch.Count == Batch)
            {
                Flush();
            }
        }

        Flush();
        idStart.Add(idChars.Length);
        shapes.Complete();
        var arrays = new[] { area, envelope[0], envelope[1], envelope[2], envelope[3] };
        foreach (var a in arrays)
        {
            a.Trim();
        }

        attributes.Trim();
        idChars.Trim();
        idStart.Trim();
        var classList = new ParcelAttributes[classes.Count];
        foreach (var (k, v) in classes)
        {
            classList[v] = k;
        }

        return new ParcelTable(area.Items, attributes.Items, classList, idChars.Items, idStart.Items,
            [envelope[0].Items, envelope[1].Items, envelope[2].Items, envelope[3].Items], shapes);
    }

    /// <summary>The id of <paramref name="row"/>.</summary>
    public string Id(int row) => new(_idChars, _idStart[row], _idStart[row + 1] - _idStart[row]);

    /// <summary>The geometry of <paramref name="row"/> in the metric CRS, a new object each call.</summary>
    public Geometry Geometry(int row) => _shapes.Get(row);

    /// <summary>The envelope of <paramref name="row"/>'s geometry (a null envelope for an empty one).</summary>
    public Envelope Envelope(int row) => double.IsNaN(MinX[row]) ? new Envelope() : new Envelope(MinX[row], MaxX[row], MinY[row], MaxY[row]);

    /// <summary>The parcel of <paramref name="row"/>, its geometry decoded on first use.</summary>
    public ParcelUnit Unit(int row)
    {
        var a = Classes[Attributes[row]];
        return new ParcelUnit(Id(row), a.LandUse, a.PlannedLandUse, a.OwnerType, Area[row], () => _shapes.Get(row));
    }

    /// <summary>The parcel of <paramref name="row"/> with its geometry already decoded.</summary>
    internal ParcelUnit Unit(int row, Geometry geometry)
    {
        var a = Classes[Attributes[row]];
        return new ParcelUnit(Id(row), a.LandUse, a.PlannedLandUse, a.OwnerType, Area[row], geometry);
    }

    /// <summary>
    /// The per-row values screenings keep for <paramref name="city"/> and these thresholds (the norms of the dataset's
    /// context, so in a server always the same); a screening with other ones starts a new set.
    /// </summary>
    internal ParcelTableCache CacheFor(CityModel city, double minWidth, double minIndustrialDistance)
    {
        if (_cache is { } c && c.IsFor(city, minWidth, minIndustrialDistance))
        {
            return c;
        }

        lock (_gate)
        {
            if (_cache is not { } held || !held.IsFor(city, minWidth, minIndustrialDistance))
            {
                _cache = new ParcelTableCache(Count, city, minWidth, minIndustrialDistance);
            }

            return _cache;
        }
    }
}
