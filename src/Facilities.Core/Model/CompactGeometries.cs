using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>
/// Parcel geometries held as flat arrays (coordinates as x, y pairs; ring sizes), decoded into NTS objects by row
/// when a computation asks for one. Exact: the same coordinates, ring order, SRID and factory as the geometry added.
/// </summary>
/// <remarks>
/// PERF (issue 15): a million NTS polygons cost about 500 bytes each in objects (coordinates, rings, envelopes) and
/// the GC's time; as arrays a five-point polygon costs 80 bytes of coordinates and 12 of sizes. Only polygons and
/// multipolygons of plain x, y coordinates made by one factory are flattened (all a parcels layer holds); anything
/// else (an empty geometry, z or m values, another factory) is kept as the object itself.
/// </remarks>
internal sealed class CompactGeometries
{
    private const int PolygonKind = 0;
    private const int MultiPolygonKind = 1;
    private const int ObjectKind = 2;

    private readonly GrowableArray<double> _xy = new();
    private readonly GrowableArray<int> _sizes = new();
    private readonly GrowableArray<int> _sizeStart = new();
    private readonly GrowableArray<int> _xyStart = new();
    private readonly Dictionary<int, Geometry> _objects = [];
    private GeometryFactory? _factory;
    private int _srid;
    private int _count;

    /// <summary>Geometries held.</summary>
    public int Count => _count;

    /// <summary>Rows kept as objects (not flattened).</summary>
    public int ObjectCount => _objects.Count;

    /// <summary>Bytes held in the arrays (objects not counted).</summary>
    public long ArrayBytes => (_xy.Length * 8L) + ((_sizes.Length + _sizeStart.Length + _xyStart.Length) * 4L);

    /// <summary>Adds the next row's geometry.</summary>
    public void Add(Geometry g)
    {
        var row = _count++;
        _sizeStart.Add(_sizes.Length);
        _xyStart.Add(_xy.Length);
        if (!Flattens(g))
        {
            _sizes.Add(ObjectKind);
            _objects[row] = g;
            return;
        }

        if (g is Polygon p)
        {
            _sizes.Add(PolygonKind);
            AddPolygon(p);
            return;
        }

        _sizes.Add(MultiPolygonKind);
        _sizes.Add(g.NumGeometries);
        for (var i = 0; i < g.NumGeometries; i++)
        {
            AddPolygon((Polygon)g.GetGeometryN(i));
        }
    }

    /// <summary>Trims the arrays to their contents once every row is added.</summary>
    public void Complete()
    {
        _sizeStart.Add(_sizes.Length);
        _xyStart.Add(_xy.Length);
        _xy.Trim();
        _sizes.Trim();
        _sizeStart.Trim();
        _xyStart.Trim();
    }

    /// <summary>The geometry of <paramref name="row"/>, a new object each call (callers may keep it).</summary>
    public Geometry Get(int row)
    {
        var s = _sizeStart[row];
        var kind = _sizes[s++];
        if (kind == ObjectKind)
        {
            return _objects[row];
        }

        var xy = _xyStart[row];
        var factory = _factory!;
        Geometry g;
        if (kind == PolygonKind)
        {
            g = ReadPolygon(factory, ref s, ref xy);
        }
        else
        {
            var parts = new Polygon[_sizes[s++]];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = ReadPolygon(factory, ref s, ref xy);
            }

            g = factory.CreateMultiPolygon(parts);
        }

        g.SRID = _srid;
        return g;
    }

    private bool Flattens(Geometry g)
    {
        if (g.IsEmpty || g is not (Polygon or MultiPolygon))
        {
            return false;
        }

        var f = g.Factory;
        if (_factory is null)
        {
            (_factory, _srid) = (f, g.SRID);
        }
        else if (g.SRID != _srid || (!ReferenceEquals(f, _factory) && !(f.SRID == _factory.SRID && f.PrecisionModel.Equals(_factory.PrecisionModel)
            && f.CoordinateSequenceFactory.GetType() == _factory.CoordinateSequenceFactory.GetType())))
        {
            return false;
        }

        for (var i = 0; i < g.NumGeometries; i++)
        {
            var p = (Polygon)g.GetGeometryN(i);
            if (p.IsEmpty || !Plain(p.Shell.CoordinateSequence) || p.Holes.Any(h => !Plain(h.CoordinateSequence)))
            {
                return false;
            }
        }

        return true;

        static bool Plain(CoordinateSequence s) => s.Dimension == 2 && s.Measures == 0;
    }

    private void AddPolygon(Polygon p)
    {
        _sizes.Add(1 + p.NumInteriorRings);
        AddRing(p.Shell);
        foreach (var h in p.Holes)
        {
            AddRing(h);
        }
    }

    private void AddRing(LinearRing ring)
    {
        var seq = ring.CoordinateSequence;
        _sizes.Add(seq.Count);
        for (var i = 0; i < seq.Count; i++)
        {
            _xy.Add(seq.GetX(i));
            _xy.Add(seq.GetY(i));
        }
    }

    private Polygon ReadPolygon(GeometryFactory factory, ref int s, ref int xy)
    {
        var rings = _sizes[s++];
        var shell = ReadRing(factory, ref s, ref xy);
        var holes = new LinearRing[rings - 1];
        for (var i = 0; i < holes.Length; i++)
        {
            holes[i] = ReadRing(factory, ref s, ref xy);
        }

        return factory.CreatePolygon(shell, holes);
    }

    private LinearRing ReadRing(GeometryFactory factory, ref int s, ref int xy)
    {
        var n = _sizes[s++];
        var seq = factory.CoordinateSequenceFactory.Create(n, 2, 0);
        for (var i = 0; i < n; i++)
        {
            seq.SetX(i, _xy[xy++]);
            seq.SetY(i, _xy[xy++]);
        }

        return factory.CreateLinearRing(seq);
    }
}
