using System.Buffers.Binary;
using System.Text;
using Facilities.Core.Spatial;
using Facilities.Formats;
using NetTopologySuite.Geometries;
using SQLitePCL;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// Reads the rows of one layer whose boxes meet a box through the layer's own R-tree (gpkg_rtree_index), on one
/// read-only connection with its statements prepared once: what the map server's parcel tiles read instead of
/// holding every parcel in memory. Not thread-safe: one reader per thread at a time (the server keeps a small pool).
/// </summary>
/// <remarks>
/// PERF: stepped through SQLitePCL.raw like <see cref="RawRowReader"/>, so a row costs its blob, its id string and
/// the decoded geometry, nothing else (docs/performance.md, "Issue 15: map start").
/// </remarks>
public sealed class GeoPackageBoxReader : IDisposable
{
    private static readonly CrsDefinition Wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _rows;
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    /// <summary>Opens <paramref name="layer"/>'s file read-only and prepares the box queries.</summary>
    public GeoPackageBoxReader(GeoPackageBoxLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        Batteries_V2.Init();
        Check(raw.sqlite3_open_v2(layer.Path, out _db, raw.SQLITE_OPEN_READONLY, null), dispose: true);
        // Rows of a tile are looked up by rowid all over the file: through a memory map each page is read in place,
        // without a read call and a copy into each connection's own page cache (the map is the OS's file cache,
        // shared by the connections; it shows in RSS as file pages once touched).
        Check(raw.sqlite3_exec(_db, "PRAGMA mmap_size = 4294967296"), dispose: true);
        var r = GeoPackageSchema.Quote(layer.Rtree);
        var t = GeoPackageSchema.Quote(layer.Table);
        var k = GeoPackageSchema.Quote(layer.KeyColumn);
        string Column(bool has, string name) => has ? "p." + GeoPackageSchema.Quote(name) : "NULL";
        // CROSS JOIN keeps the R-tree the outer loop: SQLite then looks each hit up by rowid. Sorted into layer order
        // here rather than by ORDER BY, which copies every row, blob included, through a temporary b-tree.
        _rows = Prepare($"""
            SELECT r.id, p.{GeoPackageSchema.Quote(layer.GeometryColumn)}, {Column(layer.HasIdColumn, "id")}, {Column(layer.HasLandUseColumn, "land_use")},
              {Column(layer.HasAreaColumn, "area_m2")}
            FROM {r} r CROSS JOIN {t} p ON p.{k} = r.id
            WHERE r.minx <= ?1 AND r.maxx >= ?2 AND r.miny <= ?3 AND r.maxy >= ?4
            """);
    }

    /// <summary>The layer read.</summary>
    public GeoPackageBoxLayer Layer { get; }

    /// <summary>
    /// The rows whose geometry's envelope (in EPSG:4326) meets <paramref name="wgs84"/>, in layer order: the R-tree
    /// gives candidates for the box in the layer's CRS, and each decoded geometry is tested again in EPSG:4326, so the
    /// answer is the same as an envelope query on the geometries themselves.
    /// </summary>
    public List<GeoPackageBoxRow> Read(Envelope wgs84)
    {
        ArgumentNullException.ThrowIfNull(wgs84);
        var box = Layer.ToLayer(wgs84);
        Bind(_rows, box);
        var found = new List<GeoPackageBoxRow>();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_rows)) == raw.SQLITE_ROW)
            {
                if (raw.sqlite3_column_type(_rows, 1) == raw.SQLITE_NULL)
                {
                    continue;
                }

                var g = GeoPackagePolygonBlob.Read(raw.sqlite3_column_blob(_rows, 1));
                if (!Layer.IsWgs84)
                {
                    Reprojector.TransformInPlace(g, Layer.Crs, Wgs84);
                }

                if (g.IsEmpty || !g.EnvelopeInternal.Intersects(wgs84))
                {
                    continue;
                }

                var area = raw.sqlite3_column_type(_rows, 4) == raw.SQLITE_NULL ? (double?)null : raw.sqlite3_column_double(_rows, 4);
                found.Add(new GeoPackageBoxRow(raw.sqlite3_column_int64(_rows, 0), Text(2) ?? "", Code(3) ?? "", area, g));
            }

            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        }
        finally
        {
            raw.sqlite3_reset(_rows);
        }

        found.Sort((a, b) => a.Fid.CompareTo(b.Fid));
        return found;
    }

    /// <summary>
    /// The centre of every row's R-tree box in EPSG:4326, as x, y pairs in no particular order, read from the leaf
    /// nodes of the R-tree's shadow table without touching a row (about 32 MB for 1,000,000 rows, against ~240 MB of
    /// rows). SQLite's rtree stores a node as a 4-byte header (the root's first two bytes: the tree's depth; then the
    /// cell count) and 24-byte cells (a 64-bit id and four big-endian 32-bit floats minx, maxx, miny, maxy, rounded
    /// outwards, so a centre moves by under a metre); a leaf is a node no other node names as parent.
    /// </summary>
    public double[] Centres()
    {
        var rtree = Layer.Rtree;
        var centres = new List<double>();
        using (var stmt = Prepare($"""
            SELECT data FROM {GeoPackageSchema.Quote(rtree + "_node")}
            WHERE nodeno = 1 AND substr(data, 1, 2) = x'0000'
               OR nodeno <> 1 AND nodeno NOT IN (SELECT parentnode FROM {GeoPackageSchema.Quote(rtree + "_parent")})
            """))
        {
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
                var node = raw.sqlite3_column_blob(stmt, 0);
                var count = node.Length < 4 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(node[2..]);
                for (var i = 0; i < count && 4 + ((i + 1) * 24) <= node.Length; i++)
                {
                    var cell = node.Slice(4 + (i * 24), 24);
                    centres.Add(((double)Float(cell, 0) + Float(cell, 1)) / 2);
                    centres.Add(((double)Float(cell, 2) + Float(cell, 3)) / 2);
                }
            }

            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        }

        var result = centres.ToArray();
        if (!Layer.IsWgs84)
        {
            for (var i = 0; i < result.Length; i += 2)
            {
                (result[i], result[i + 1]) = Reprojector.Transform(result[i], result[i + 1], Layer.Crs, Wgs84);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _rows.Dispose();
        _db.Dispose();
    }

    private static float Float(ReadOnlySpan<byte> cell, int k) => BinaryPrimitives.ReadSingleBigEndian(cell[(8 + (4 * k))..]);

    private static void Bind(sqlite3_stmt stmt, Envelope box)
    {
        raw.sqlite3_bind_double(stmt, 1, box.MaxX);
        raw.sqlite3_bind_double(stmt, 2, box.MinX);
        raw.sqlite3_bind_double(stmt, 3, box.MaxY);
        raw.sqlite3_bind_double(stmt, 4, box.MinY);
    }

    private string? Text(int i) => raw.sqlite3_column_type(_rows, i) switch
    {
        var k when k == raw.SQLITE_NULL => null,
        var k when k == raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_rows, i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        var k when k == raw.SQLITE_FLOAT => raw.sqlite3_column_double(_rows, i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_rows, i)),
    };

    // Land-use codes repeat on every row: one string per code.
    private string? Code(int i)
    {
        var text = Text(i);
        if (text is null || _codes.Count >= 1024)
        {
            return text;
        }

        if (_codes.TryGetValue(text, out var shared))
        {
            return shared;
        }

        return _codes[text] = text;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var stmt));
        return stmt;
    }

    private void Check(int rc, bool dispose = false)
    {
        if (rc == raw.SQLITE_OK)
        {
            return;
        }

        var message = raw.sqlite3_errmsg(_db).utf8_to_string();
        if (dispose)
        {
            _db.Dispose();
        }

        throw new DataFileException("read-failed", System.IO.Path.GetFileName(Layer.Path), Layer.Table,
            $"không đọc được lớp theo ô: {message}", $"could not read the layer by box: {message}");
    }
}
