using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The SQL functions the GeoPackage R-tree triggers call (ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY; GeoPackage
/// 1.3 Annex F.3), which plain SQLite lacks: without them any insert, update or delete on an indexed table fails with
/// "no such function". They read the envelope in the blob header, decoding the WKB only when the header has none.
/// GDAL and QGIS register their own versions when they edit the file, so the triggers work there too.
/// </summary>
public static class GeoPackageSqlFunctions
{
    /// <summary>Registers the functions on <paramref name="c"/>; call it on every connection that writes.</summary>
    public static void Register(SqliteConnection c)
    {
        c.CreateFunction<byte[]?, bool?>("ST_IsEmpty", b => b is null ? null : IsEmpty(b), isDeterministic: true);
        c.CreateFunction<byte[]?, double?>("ST_MinX", b => Bound(b, 0), isDeterministic: true);
        c.CreateFunction<byte[]?, double?>("ST_MaxX", b => Bound(b, 1), isDeterministic: true);
        c.CreateFunction<byte[]?, double?>("ST_MinY", b => Bound(b, 2), isDeterministic: true);
        c.CreateFunction<byte[]?, double?>("ST_MaxY", b => Bound(b, 3), isDeterministic: true);
    }

    /// <summary>
    /// Whether the blob holds an empty geometry: the header's empty flag, an envelope of NaN (how some writers mark
    /// it), or, without an envelope, the decoded geometry. Null when the blob is not a GeoPackage geometry.
    /// </summary>
    public static bool? IsEmpty(byte[] blob)
    {
        if (!IsGeoPackage(blob))
        {
            return null;
        }

        if ((blob[3] & 0x10) != 0)
        {
            return true;
        }

        return Envelope(blob) is not { } e || double.IsNaN(e.MinX);
    }

    /// <summary>minx, maxx, miny or maxy (index 0–3, the header's order), or null for NULL, empty or unreadable blobs.</summary>
    public static double? Bound(byte[]? blob, int index)
    {
        if (blob is null || IsEmpty(blob) != false || Envelope(blob) is not { } e)
        {
            return null;
        }

        return index switch { 0 => e.MinX, 1 => e.MaxX, 2 => e.MinY, _ => e.MaxY };
    }

    private static bool IsGeoPackage(byte[] blob) => blob.Length >= 8 && blob[0] == 'G' && blob[1] == 'P';

    private static (double MinX, double MaxX, double MinY, double MaxY)? Envelope(byte[] blob)
    {
        var flags = blob[3];
        var indicator = (flags >> 1) & 7;
        if (indicator is >= 1 and <= 4 && blob.Length >= 8 + 32)
        {
            var little = (flags & 1) == 1;
            double D(int i)
            {
                var span = blob.AsSpan(8 + (i * 8), 8);
                return little ? BinaryPrimitives.ReadDoubleLittleEndian(span) : BinaryPrimitives.ReadDoubleBigEndian(span);
            }

            return (D(0), D(1), D(2), D(3));
        }

        try
        {
            var g = GeoPackageBlob.Read(blob);
            if (g.IsEmpty)
            {
                return null;
            }

            var env = g.EnvelopeInternal;
            return (env.MinX, env.MaxX, env.MinY, env.MaxY);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or IOException)
        {
            // The triggers' functions answer NULL for what they cannot read, as GDAL's do; the row is then not indexed.
            return null;
        }
    }
}
