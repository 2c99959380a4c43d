using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Core.Datasets;

/// <summary>
/// The dataset content hash (docs/architecture.md, "Content hash"): SHA-256 over a canonical encoding of the
/// schema layers and the metadata, so a dataset has the same hash in every store (a GeoPackage copied to PostGIS
/// and back hashes the same, though neither file nor database bytes are alike). Stores feed it row by row in their
/// own fastest way; the encoding is defined here once.
/// </summary>
/// <remarks>
/// Encoding, each item tagged so no two different sequences can give the same bytes:
/// the layers of <see cref="DatasetSchema.Layers"/> that the dataset holds, by name (ordinal order); per layer its
/// name and its fields sorted by name (ordinal) with their types; then every row in feature order (GeoPackage fid,
/// PostGIS fid): the values in that same field order, then the geometry as WKB (little-endian, 2D, as OGC/ISO WKB
/// with no SRID: every layer is EPSG:4326 by contract). Integers are 8 bytes little-endian, reals their IEEE bits,
/// text its UTF-8 with a length; a value is encoded as the type it holds (an integral real in an integer field is an
/// integer, a number in a text field is its invariant text, as SQLite's affinity stores it). Last come the metadata
/// entries sorted by key, without <see cref="StoreKeys"/>, which describe a store rather than the data.
/// </remarks>
public sealed class ContentHasher : IDisposable
{
    /// <summary>
    /// The version of this definition. A store that keeps a computed hash keeps this beside it: a build that encodes
    /// differently raises it, so a hash kept by an older build is never served as the new definition's.
    /// </summary>
    public const int Version = 1;

    /// <summary>Metadata keys that say how a store laid the data out, not what the data is: left out of the hash.</summary>
    public static readonly IReadOnlySet<string> StoreKeys = new HashSet<string>(StringComparer.Ordinal) { "schema_version" };

    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    // PERF: items are a few bytes each (1,000,000 parcels are ~10,000,000 of them): they are gathered here and handed
    // to SHA-256 64 KiB at a time, since each IncrementalHash call costs far more than hashing a few bytes.
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private readonly WKBWriter _writer = new(ByteOrder.LittleEndian, false, false, false);

    /// <summary>The layers a content hash covers, in hashing order, among <paramref name="present"/>.</summary>
    public static IReadOnlyList<string> Layers(IEnumerable<string> present)
    {
        var set = present.ToHashSet(StringComparer.Ordinal);
        return [.. DatasetSchema.Layers.Select(l => l.Name).Where(set.Contains).Order(StringComparer.Ordinal)];
    }

    /// <summary>The fields in hashing order (by name, ordinal).</summary>
    public static IReadOnlyList<FieldInfo> Order(IEnumerable<FieldInfo> fields) => [.. fields.OrderBy(f => f.Name, StringComparer.Ordinal)];

    /// <summary>Starts a layer; <paramref name="fields"/> must already be in <see cref="Order"/>.</summary>
    public void Layer(string name, IReadOnlyList<FieldInfo> fields)
    {
        Tag(1);
        Text(name);
        Long(fields.Count);
        foreach (var f in fields)
        {
            Text(f.Name);
            Long((long)f.Type);
        }
    }

    /// <summary>Starts a row.</summary>
    public void Row() => Tag(2);

    /// <summary>A null value (or no geometry).</summary>
    public void Null() => Tag(3);

    /// <summary>An integer value.</summary>
    public void Integer(long value)
    {
        Tag(4);
        Long(value);
    }

    /// <summary>A real value (an integral one in an integer field goes to <see cref="Integer"/>: see <see cref="Value"/>).</summary>
    public void Real(double value)
    {
        Tag(5);
        Long(BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>A text value as UTF-8 bytes.</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        Tag(6);
        Long(utf8.Length);
        Append(utf8);
    }

    /// <summary>A text value.</summary>
    public void Text(string value) => Text(Encoding.UTF8.GetBytes(value));

    /// <summary>A value as a <see cref="FeatureRecord"/> holds it, normalised for its field's type.</summary>
    public void Value(object? value, FieldType type)
    {
        switch (Normalise(value, type))
        {
            case null:
                Null();
                break;
            case long l:
                Integer(l);
                break;
            case double d:
                Real(d);
                break;
            case string s:
                Text(s);
                break;
            default:
                throw new ArgumentException($"unexpected value type {value!.GetType().Name}", nameof(value));
        }
    }

    /// <summary>
    /// A value as both stores keep it for a field of <paramref name="type"/>: null, long, double or string (an
    /// integral real in an integer field is a long, a number in a real field a double, a number in a text field its
    /// invariant text, a bool 0 or 1), as SQLite's column affinity stores it.
    /// </summary>
    public static object? Normalise(object? value, FieldType type) => value switch
    {
        null => null,
        bool b => Normalise(b ? 1L : 0L, type),
        int i => Normalise((long)i, type),
        short i => Normalise((long)i, type),
        float f => Normalise((double)f, type),
        decimal m => Normalise((double)m, type),
        long l => type switch
        {
            FieldType.Real => (double)l,
            FieldType.Text => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => l,
        },
        double d => type switch
        {
            FieldType.Integer when d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => (long)d,
            FieldType.Text => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => d,
        },
        string s => s,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A geometry given as WKB: taken as it is when already canonical, else decoded and written canonically.</summary>
    public void Wkb(ReadOnlySpan<byte> wkb)
    {
        if (IsCanonical(wkb))
        {
            Tag(7);
            Long(wkb.Length);
            Append(wkb);
            return;
        }

        Geometry(new WKBReader().Read(wkb.ToArray()));
    }

    /// <summary>A geometry (null for none).</summary>
    public void Geometry(Geometry? geometry)
    {
        if (geometry is null)
        {
            Null();
            return;
        }

        var wkb = _writer.Write(geometry);
        Tag(7);
        Long(wkb.Length);
        Append(wkb);
    }

    /// <summary>The metadata entries (those in <see cref="StoreKeys"/> are skipped).</summary>
    public void Metadata(IReadOnlyDictionary<string, string> metadata)
    {
        Tag(8);
        foreach (var (k, v) in metadata.Where(kv => !StoreKeys.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Text(k);
            Text(v);
        }
    }

    /// <summary>The hash, lower-case hex.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_sha.GetHashAndReset());
    }

    /// <inheritdoc/>
    public void Dispose() => _sha.Dispose();

    /// <summary>
    /// The content hash of whole layers and metadata in memory (what a store's own streaming path must agree with;
    /// tests compare the two).
    /// </summary>
    public static string Of(IEnumerable<FeatureLayer> layers, IReadOnlyDictionary<string, string> metadata)
    {
        var byName = layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
        using var h = new ContentHasher();
        foreach (var name in Layers(byName.Keys))
        {
            var layer = byName[name];
            var fields = Order(layer.Fields);
            h.Layer(name, fields);
            foreach (var f in layer.Features)
            {
                h.Row();
                foreach (var field in fields)
                {
                    h.Value(f[field.Name], field.Type);
                }

                h.Geometry(f.Geometry);
            }
        }

        h.Metadata(metadata);
        return h.Finish();
    }

    // Canonical: little-endian, and a 2D OGC type code (1..7) at the top. Writers put one byte order throughout a
    // geometry (NTS, GDAL, PostGIS's ST_AsBinary(g, 'NDR') all do), so the nested parts are not re-checked.
    private static bool IsCanonical(ReadOnlySpan<byte> wkb) =>
        wkb.Length >= 5 && wkb[0] == 1 && BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) is >= 1 and <= 7 && !IsEmptyPoint(wkb);

    // An empty point is NaN coordinates in WKB, which writers spell with different NaN bits: go through NTS.
    private static bool IsEmptyPoint(ReadOnlySpan<byte> wkb) =>
        BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) == 1 && wkb.Length >= 21 && double.IsNaN(BinaryPrimitives.ReadDoubleLittleEndian(wkb[5..]));

    private void Tag(byte tag)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = tag;
    }

    private void Long(long value)
    {
        if (_used + 8 > _buffer.Length)
        {
            Flush();
        }

        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                _sha.AppendData(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Flush()
    {
        _sha.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
