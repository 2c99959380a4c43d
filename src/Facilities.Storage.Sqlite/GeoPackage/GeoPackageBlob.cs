using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// Decodes a GeoPackage geometry blob (the "GP" header, an optional envelope, then standard WKB) straight into an
/// NTS geometry, without the stream and reader objects GeoPackageGeoReader builds for every call.
/// </summary>
internal static class GeoPackageBlob
{
    /// <summary>The geometry of a blob; throws <see cref="ParseException"/> when the header is not GeoPackage's.</summary>
    public static Geometry Read(byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != 'G' || blob[1] != 'P')
        {
            throw new ParseException("not a GeoPackage geometry blob");
        }

        var envelope = ((blob[3] >> 1) & 7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            _ => throw new ParseException("invalid envelope indicator in a GeoPackage geometry blob"),
        };
        var start = 8 + envelope;
        using var wkb = new MemoryStream(blob, start, blob.Length - start, writable: false);
        return new WKBReader().Read(wkb);
    }

    /// <summary>
    /// The envelope a blob's header carries (GeoPackage 1.3 §2.1.3: min x, max x, min y, max y, in the header's byte
    /// order), without decoding the geometry; false when the header has none, is not GeoPackage's, or the geometry is
    /// empty.
    /// </summary>
    public static bool TryHeaderEnvelope(ReadOnlySpan<byte> blob, out double minX, out double maxX, out double minY, out double maxY)
    {
        (minX, maxX, minY, maxY) = (0, 0, 0, 0);
        if (blob.Length < 40 || blob[0] != 'G' || blob[1] != 'P' || ((blob[3] >> 1) & 7) == 0 || (blob[3] & 0x10) != 0)
        {
            return false;
        }

        var little = (blob[3] & 1) == 1;
        (minX, maxX, minY, maxY) = (At(blob, 8, little), At(blob, 16, little), At(blob, 24, little), At(blob, 32, little));
        return minX <= maxX && minY <= maxY; // NaN (an empty geometry's envelope) fails both
    }

    private static double At(ReadOnlySpan<byte> blob, int offset, bool little) => little
        ? BinaryPrimitives.ReadDoubleLittleEndian(blob[offset..])
        : BinaryPrimitives.ReadDoubleBigEndian(blob[offset..]);
}
