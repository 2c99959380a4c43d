using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The dataset content hash (<see cref="ContentHasher"/>) of a GeoPackage, streamed straight from SQLite's row
/// buffers: the WKB inside each geometry blob is hashed as it lies when it is already canonical, so no geometry is
/// decoded and no string is made for text.
/// </summary>
internal static class GeoPackageContentHash
{
    public static string Compute(string path)
    {
        var full = Path.GetFullPath(path);
        List<(string Name, string GeometryColumn, IReadOnlyList<FieldInfo> Fields)> layers;
        using (var c = GeoPackageDataset.OpenExisting(full, SqliteOpenMode.ReadOnly))
        {
            var tables = GeoPackageLayerReader.ListTables(c);
            layers = [.. ContentHasher.Layers(tables.Select(t => t.Name))
                .Select(n => tables.Find(t => t.Name == n)!)
                .Select(t => (t.Name, t.GeometryColumn, ContentHasher.Order(GeoPackageLayerReader.Fields(c, t))))];
        }

        using var h = new ContentHasher();
        foreach (var (name, geometry, fields) in layers)
        {
            h.Layer(name, fields);
            var cols = string.Concat(fields.Select(f => GeoPackageSchema.Quote(f.Name) + ", "));
            using var r = new RawRowReader(full, $"SELECT {cols}{GeoPackageSchema.Quote(geometry)} FROM {GeoPackageSchema.Quote(name)} ORDER BY rowid");
            while (r.Read())
            {
                h.Row();
                for (var i = 0; i < fields.Count; i++)
                {
                    Value(h, r, i, fields[i].Type);
                }

                Geometry(h, r, fields.Count);
            }
        }

        h.Metadata(GeoPackageDataset.Metadata(full));
        return h.Finish();
    }

    // As GeoPackageLayerReader reads the value (a blob is no value), normalised as ContentHasher.Value does.
    private static void Value(ContentHasher h, RawRowReader r, int i, FieldType type)
    {
        var kind = r.Kind(i);
        if (kind == raw.SQLITE_TEXT)
        {
            h.Text(r.Bytes(i));
        }
        else if (kind == raw.SQLITE_INTEGER && type == FieldType.Integer)
        {
            // PERF: the common cases without boxing the value for ContentHasher.Value.
            h.Integer(r.Int64(i));
        }
        else if (kind == raw.SQLITE_FLOAT && type == FieldType.Real)
        {
            h.Real(r.Double(i)!.Value);
        }
        else if (kind == raw.SQLITE_INTEGER)
        {
            h.Value(r.Int64(i), type);
        }
        else if (kind == raw.SQLITE_FLOAT)
        {
            h.Value(r.Double(i), type);
        }
        else
        {
            h.Null();
        }
    }

    private static void Geometry(ContentHasher h, RawRowReader r, int i)
    {
        if (r.Kind(i) != raw.SQLITE_BLOB)
        {
            h.Null();
            return;
        }

        var blob = r.Bytes(i);
        var envelope = blob.Length < 8 || blob[0] != 'G' || blob[1] != 'P' ? -1 : ((blob[3] >> 1) & 7) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            _ => -1,
        };
        var empty = envelope >= 0 && (blob[3] & 0x10) != 0;
        if (envelope < 0 || empty)
        {
            // Not a blob this tool can take apart, or an empty geometry (whose WKB writers spell differently):
            // through the decoder, which says what is wrong with a broken one.
            h.Geometry(GeoPackageBlob.Read(blob.ToArray()));
            return;
        }

        h.Wkb(blob[(8 + envelope)..]);
    }
}
