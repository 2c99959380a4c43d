using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// Decodes the 2-D Polygon and MultiPolygon blobs of a GeoPackage (parcels) straight from SQLite's row buffer onto
/// packed coordinate arrays, without the stream, reader and coordinate objects NTS's WKBReader makes per geometry;
/// any other blob (points, lines, Z or M, a malformed one) goes to <see cref="GeoPackageBlob.Read"/>. Same coordinates
/// bit for bit.
/// </summary>
/// <remarks>PERF: a z16 tile of the 1,000,000-parcel city reads ~2,400 parcels (docs/performance.md, "Issue 15: map start").</remarks>
internal static class GeoPackagePolygonBlob
{
    private static readonly GeometryFactory Packed = new(new PrecisionModel(), 0, PackedCoordinateSequenceFactory.DoubleFactory);

    /// <summary>The geometry of a GeoPackage blob.</summary>
    public static Geometry Read(ReadOnlySpan<byte> blob)
    {
        if (blob.Length >= 8 && blob[0] == 'G' && blob[1] == 'P' && ((blob[3] >> 1) & 7) is var indicator && indicator <= 4)
        {
            var start = 8 + indicator switch { 0 => 0, 1 => 32, 2 or 3 => 48, _ => 64 };
            var at = start;
            if (start < blob.Length && TryGeometry(blob, ref at, out var g) && at == blob.Length)
            {
                return g;
            }
        }

        return GeoPackageBlob.Read(blob.ToArray());
    }

    private static bool TryGeometry(ReadOnlySpan<byte> b, ref int at, out Geometry geometry)
    {
        geometry = null!;
        if (!TryHeader(b, ref at, out var little, out var type))
        {
            return false;
        }

        if (type == 3)
        {
            if (!TryPolygon(b, ref at, little, out var p))
            {
                return false;
            }

            geometry = p;
            return true;
        }

        if (type != 6 || !TryCount(b, ref at, little, out var n))
        {
            return false;
        }

        var polygons = new Polygon[n];
        for (var i = 0; i < n; i++)
        {
            if (!TryHeader(b, ref at, out var pl, out var pt) || pt != 3 || !TryPolygon(b, ref at, pl, out polygons[i]))
            {
                return false;
            }
        }

        geometry = Packed.CreateMultiPolygon(polygons);
        return true;
    }

    private static bool TryHeader(ReadOnlySpan<byte> b, ref int at, out bool little, out uint type)
    {
        (little, type) = (false, 0);
        if (at + 5 > b.Length || b[at] > 1)
        {
            return false;
        }

        little = b[at] == 1;
        type = little ? BinaryPrimitives.ReadUInt32LittleEndian(b[(at + 1)..]) : BinaryPrimitives.ReadUInt32BigEndian(b[(at + 1)..]);
        at += 5;
        return true;
    }

    private static bool TryCount(ReadOnlySpan<byte> b, ref int at, bool little, out int n)
    {
        n = 0;
        if (at + 4 > b.Length)
        {
            return false;
        }

        var v = little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
        at += 4;
        // A count larger than what is left cannot be right (each item takes at least 4 bytes).
        if (v > (uint)(b.Length - at) / 4)
        {
            return false;
        }

        n = (int)v;
        return true;
    }

    private static bool TryPolygon(ReadOnlySpan<byte> b, ref int at, bool little, out Polygon polygon)
    {
        polygon = null!;
        if (!TryCount(b, ref at, little, out var rings))
        {
            return false;
        }

        if (rings == 0)
        {
            polygon = Packed.CreatePolygon();
            return true;
        }

        var linear = new LinearRing[rings];
        for (var r = 0; r < rings; r++)
        {
            if (!TryCount(b, ref at, little, out var points) || at + (points * 16) > b.Length || points is > 0 and < 4)
            {
                return false;
            }

            var xy = new double[points * 2];
            for (var k = 0; k < xy.Length; k++)
            {
                var bits = little ? BinaryPrimitives.ReadInt64LittleEndian(b[(at + (k * 8))..]) : BinaryPrimitives.ReadInt64BigEndian(b[(at + (k * 8))..]);
                xy[k] = BitConverter.Int64BitsToDouble(bits);
            }

            at += points * 16;
            linear[r] = Packed.CreateLinearRing(new PackedDoubleCoordinateSequence(xy, 2, 0));
        }

        polygon = Packed.CreatePolygon(linear[0], linear[1..]);
        return true;
    }
}
