using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.IO.Store;

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
}
