using Facilities.Core.Spatial;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// What a bbox read of a layer needs to know about it, looked up once: the table, its geometry and key columns, its
/// CRS and the name of its complete <see cref="GeoPackageRtree"/> index. <see cref="Find"/> says why not when the
/// layer cannot be read by box (absent, no R-tree, an R-tree without its triggers that may be stale).
/// </summary>
/// <param name="Path">Full path of the GeoPackage.</param>
/// <param name="Table">The feature table.</param>
/// <param name="GeometryColumn">Its geometry column.</param>
/// <param name="KeyColumn">Its INTEGER PRIMARY KEY (the rowid the R-tree's id follows).</param>
/// <param name="Crs">The table's CRS (EPSG:4326 when it declares none, as the parcels stream reads it).</param>
/// <param name="HasIdColumn">Whether the table has an id column.</param>
/// <param name="HasLandUseColumn">Whether the table has a land_use column.</param>
/// <param name="HasAreaColumn">Whether the table has an area_m2 column.</param>
public sealed record GeoPackageBoxLayer(
    string Path, string Table, string GeometryColumn, string KeyColumn, CrsDefinition Crs, bool HasIdColumn, bool HasLandUseColumn, bool HasAreaColumn)
{
    /// <summary>Name of the layer's R-tree.</summary>
    public string Rtree => GeoPackageRtree.Name(Table, GeometryColumn);

    /// <summary>Whether the layer is stored in EPSG:4326, so a box needs no transformation.</summary>
    public bool IsWgs84 => Crs.Srid == CrsRegistry.Wgs84Srid;

    /// <summary>The layer <paramref name="layer"/> of the GeoPackage at <paramref name="path"/> when it can be read by box; otherwise null and why (English).</summary>
    public static GeoPackageBoxLayer? Find(string path, string layer, out string reason)
    {
        using var c = GeoPackageDataset.OpenExisting(path, SqliteOpenMode.ReadOnly);
        var table = GeoPackageLayerReader.ListTables(c).Find(t => t.Name == layer);
        if (table is null)
        {
            reason = $"no {layer} layer";
            return null;
        }

        if (!GeoPackageRtree.IsComplete(c, null, table.Name, table.GeometryColumn))
        {
            reason = $"no complete {GeoPackageRtree.ExtensionName} R-tree {GeoPackageRtree.Name(table.Name, table.GeometryColumn)} (with its six triggers)";
            return null;
        }

        var key = GeoPackageRtree.PrimaryKey(c, null, table.Name);
        if (key is null)
        {
            reason = $"table {table.Name} has no single INTEGER PRIMARY KEY";
            return null;
        }

        var fields = GeoPackageLayerReader.Fields(c, table);
        var crs = GeoPackageLayerReader.ResolveCrs(table, layer, System.IO.Path.GetFileName(path)) ?? CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        reason = "";
        return new GeoPackageBoxLayer(System.IO.Path.GetFullPath(path), table.Name, table.GeometryColumn, key, crs,
            fields.Exists(f => f.Name == "id"), fields.Exists(f => f.Name == "land_use"), fields.Exists(f => f.Name == "area_m2"));
    }

    /// <summary>
    /// <paramref name="wgs84"/> in the layer's CRS: itself for an EPSG:4326 layer, otherwise the envelope of its
    /// outline (16 points a side, as a box's edges bend in a projected CRS) widened by 1 % on each side.
    /// </summary>
    public Envelope ToLayer(Envelope wgs84) => IsWgs84 ? wgs84 : Outline(wgs84, CrsRegistry.Get(CrsRegistry.Wgs84Srid), Crs);

    /// <summary><paramref name="box"/> (in the layer's CRS) in EPSG:4326, the same way as <see cref="ToLayer"/>.</summary>
    public Envelope ToWgs84(Envelope box) => IsWgs84 ? box : Outline(box, Crs, CrsRegistry.Get(CrsRegistry.Wgs84Srid));

    private static Envelope Outline(Envelope box, CrsDefinition from, CrsDefinition to)
    {
        const int Steps = 16;
        var e = new Envelope();
        for (var k = 0; k <= Steps; k++)
        {
            var fx = box.MinX + (box.Width * k / Steps);
            var fy = box.MinY + (box.Height * k / Steps);
            foreach (var (x, y) in new[] { (fx, box.MinY), (fx, box.MaxY), (box.MinX, fy), (box.MaxX, fy) })
            {
                var (tx, ty) = Reprojector.Transform(x, y, from, to);
                e.ExpandToInclude(tx, ty);
            }
        }

        e.ExpandBy(e.Width / 100, e.Height / 100);
        return e;
    }
}
