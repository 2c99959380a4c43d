using System.Buffers.Binary;
using Facilities.Core.Datasets;
using Facilities.Core.Features;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;
using static Facilities.Storage.PostGis.Datasets.PostGisDatasetTables;

namespace Facilities.Storage.PostGis.Datasets;

/// <summary>Writes a layer's rows into its new table with one binary COPY, in feature order (fid follows it).</summary>
internal static class PostGisLayerCopy
{
    public static void Write(NpgsqlConnection c, string table, FeatureLayer layer, bool spatial)
    {
        var cols = string.Join(", ", layer.Fields.Select(f => Q(f.Name)).Concat(spatial ? ["geom"] : []));
        if (cols.Length == 0)
        {
            // A table without fields or geometry: rows are only fids.
            foreach (var _ in layer.Features)
            {
                using var cmd = new NpgsqlCommand($"INSERT INTO {table} DEFAULT VALUES", c);
                cmd.ExecuteNonQuery();
            }

            return;
        }

        var wkb = new WKBWriter(ByteOrder.LittleEndian, false, false, false);
        using var w = c.BeginBinaryImport($"COPY {table} ({cols}) FROM STDIN (FORMAT BINARY)");
        foreach (var f in layer.Features)
        {
            w.StartRow();
            foreach (var field in layer.Fields)
            {
                switch (ContentHasher.Normalise(f[field.Name], field.Type))
                {
                    case null:
                        w.WriteNull();
                        break;
                    case long l when field.Type == FieldType.Integer:
                        w.Write(l, NpgsqlDbType.Bigint);
                        break;
                    case double d when field.Type == FieldType.Real:
                        w.Write(d, NpgsqlDbType.Double);
                        break;
                    case string s:
                        w.Write(s, NpgsqlDbType.Text);
                        break;
                    case var other:
                        // A real with a fraction in an integer field: SQLite keeps it, a bigint column cannot.
                        throw new ArgumentException(
                            $"lớp '{layer.Name}', đối tượng #{f.Ordinal}, trường '{field.Name}': giá trị {other} không phải số nguyên / " +
                            $"layer '{layer.Name}', feature #{f.Ordinal}, field '{field.Name}': value {other} is not an integer");
                }
            }

            if (spatial)
            {
                if (f.Geometry is null)
                {
                    w.WriteNull();
                }
                else
                {
                    // geometry's binary input is EWKB: the plain WKB with the SRID flag and 4326 spliced in after the type.
                    var plain = wkb.Write(f.Geometry);
                    var ewkb = new byte[plain.Length + 4];
                    ewkb[0] = plain[0];
                    BinaryPrimitives.WriteUInt32LittleEndian(ewkb.AsSpan(1), BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(1)) | 0x20000000);
                    BinaryPrimitives.WriteInt32LittleEndian(ewkb.AsSpan(5), 4326);
                    plain.AsSpan(5).CopyTo(ewkb.AsSpan(9));
                    w.Write(ewkb, NpgsqlDbType.Bytea);
                }
            }
        }

        w.Complete();
    }
}
