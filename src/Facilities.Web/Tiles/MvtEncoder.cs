using NetTopologySuite.Geometries;

namespace Facilities.Web.Tiles;

/// <summary>
/// Encodes polygons as one layer of a Mapbox vector tile (specification 2.1) straight from lon/lat: Web Mercator
/// projection to the tile's integer grid, consecutive repeated points dropped, rings that collapse dropped, exterior
/// rings clockwise and holes counter-clockwise on screen (y down) as the specification wants, and the layer's keys
/// and values shared. Parcels are not clipped: a polygon may reach past the tile edge, which renderers allow for.
/// </summary>
/// <remarks>
/// NetTopologySuite.IO.VectorTiles' writer (MapboxTileWriter) produced the same tiles at about 8 µs of CPU a parcel
/// (19 ms for a z16 tile of 2,400 parcels, docs/performance.md); this encoder writes the protocol buffer directly.
/// </remarks>
internal sealed class MvtEncoder
{
    public const uint Extent = 4096;

    private readonly int _x;
    private readonly int _y;
    private readonly double _scale;
    private readonly ProtoWriter _features = new(64 * 1024);
    private readonly ProtoWriter _feature = new(1024);
    private readonly ProtoWriter _scratch = new(1024);
    private readonly List<uint> _geometry = new(256);
    private readonly List<(int X, int Y)> _ring = new(64);
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<object, int> _values = [];
    private readonly List<object> _valueList = [];
    private readonly List<uint> _tags = new(8);
    private int _cursorX;
    private int _cursorY;

    public MvtEncoder(int z, int x, int y)
    {
        _x = x;
        _y = y;
        _scale = (1L << z) * (double)Extent;
    }

    /// <summary>Number of features written (a polygon that collapses to nothing is left out).</summary>
    public int Count { get; private set; }

    /// <summary>Adds a polygon or multipolygon with its attributes (string, double or long values; null ones are left out).</summary>
    public void AddPolygonal(Geometry geometry, IReadOnlyList<(string Key, object? Value)> attributes)
    {
        _geometry.Clear();
        _cursorX = 0;
        _cursorY = 0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon { IsEmpty: false } p && Ring(p.Shell.CoordinateSequence, exterior: true))
            {
                foreach (var hole in p.Holes)
                {
                    Ring(hole.CoordinateSequence, exterior: false);
                }
            }
        }

        if (_geometry.Count == 0)
        {
            return;
        }

        _tags.Clear();
        foreach (var (key, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            if (!_keys.TryGetValue(key, out var k))
            {
                _keys[key] = k = _keys.Count;
            }

            if (!_values.TryGetValue(value, out var v))
            {
                _values[value] = v = _valueList.Count;
                _valueList.Add(value);
            }

            _tags.Add((uint)k);
            _tags.Add((uint)v);
        }

        _feature.Clear();
        _feature.Packed(2, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tags), _scratch);
        _feature.UInt(3, 3); // GeomType.POLYGON
        _feature.Packed(4, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_geometry), _scratch);
        _features.Bytes(2, _feature.Written);
        Count++;
    }

    /// <summary>The tile: one layer named <paramref name="layerName"/> holding the features added.</summary>
    public byte[] Finish(string layerName)
    {
        var layer = new ProtoWriter(_features.Length + 4096);
        layer.UInt(15, 2); // version
        layer.String(1, layerName);
        layer.Raw(_features.Written); // complete "features" (field 2) entries
        foreach (var key in _keys.OrderBy(k => k.Value))
        {
            layer.String(3, key.Key);
        }

        var value = new ProtoWriter(64);
        foreach (var v in _valueList)
        {
            value.Clear();
            switch (v)
            {
                case string s:
                    value.String(1, s);
                    break;
                case double d:
                    value.Double(3, d);
                    break;
                case long l:
                    value.UInt(6, (ulong)((l << 1) ^ (l >> 63)));
                    break;
                default:
                    value.String(1, Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    break;
            }

            layer.Bytes(4, value.Written);
        }

        layer.UInt(5, Extent);
        var tile = new ProtoWriter(layer.Length + 8);
        tile.Bytes(3, layer.Written);
        return tile.Written.ToArray();
    }

    /// <summary>Encodes one ring; false (nothing written) when it collapses on the tile grid.</summary>
    private bool Ring(CoordinateSequence sequence, bool exterior)
    {
        _ring.Clear();
        var n = sequence.Count - 1; // the closing point repeats the first
        for (var i = 0; i < n; i++)
        {
            var (px, py) = Project(sequence.GetX(i), sequence.GetY(i));
            if (_ring.Count == 0 || _ring[^1] != (px, py))
            {
                _ring.Add((px, py));
            }
        }

        while (_ring.Count > 1 && _ring[^1] == _ring[0])
        {
            _ring.RemoveAt(_ring.Count - 1);
        }

        if (_ring.Count < 3)
        {
            return false;
        }

        long twiceArea = 0;
        for (int i = 0, j = _ring.Count - 1; i < _ring.Count; j = i++)
        {
            twiceArea += ((long)_ring[j].X * _ring[i].Y) - ((long)_ring[i].X * _ring[j].Y);
        }

        if (twiceArea == 0)
        {
            return false;
        }

        // Screen coordinates (y down): the specification's exterior rings have positive area by this formula.
        if ((twiceArea > 0) != exterior)
        {
            _ring.Reverse();
        }

        _geometry.Add(Command(1, 1));
        Move(_ring[0]);
        _geometry.Add(Command(2, _ring.Count - 1));
        for (var i = 1; i < _ring.Count; i++)
        {
            Move(_ring[i]);
        }

        _geometry.Add(Command(7, 1));
        return true;
    }

    private void Move((int X, int Y) p)
    {
        _geometry.Add(ZigZag(p.X - _cursorX));
        _geometry.Add(ZigZag(p.Y - _cursorY));
        _cursorX = p.X;
        _cursorY = p.Y;
    }

    private (int X, int Y) Project(double lon, double lat)
    {
        var x = ((lon + 180) / 360 * _scale) - ((double)_x * Extent);
        var r = Math.Clamp(lat, -85.0511287798, 85.0511287798) * Math.PI / 180;
        var y = ((1 - (Math.Log(Math.Tan(r) + (1 / Math.Cos(r))) / Math.PI)) / 2 * _scale) - ((double)_y * Extent);
        return ((int)Math.Round(x), (int)Math.Round(y));
    }

    private static uint Command(int id, int count) => (uint)((id & 7) | (count << 3));

    private static uint ZigZag(int v) => (uint)((v << 1) ^ (v >> 31));
}
