using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Npgsql;
using static Facilities.Storage.PostGis.Datasets.PostGisDatasetTables;

namespace Facilities.Storage.PostGis.Datasets;

/// <summary>
/// The dataset content hash (<see cref="ContentHasher"/>) of a PostGIS dataset: the layers' rows in fid order with
/// their geometry as <c>ST_AsBinary(geom, 'NDR')</c>, which is the canonical WKB, so the geometry is never decoded.
/// </summary>
internal static class PostGisContentHash
{
    public static string Compute(NpgsqlConnection c, string schema, IEnumerable<string> layers, Func<NpgsqlConnection, string, List<FieldInfo>> fieldsOf)
    {
        using var h = new ContentHasher();
        foreach (var layer in ContentHasher.Layers(layers))
        {
            var fields = ContentHasher.Order(fieldsOf(c, layer));
            h.Layer(layer, fields);
            var spatial = Spatial(c, schema, layer);
            var cols = string.Concat(fields.Select(f => Q(f.Name) + (f.Type == FieldType.Text ? "::text" : "") + ", "));
            using var cmd = new NpgsqlCommand($"SELECT {cols}{(spatial ? "ST_AsBinary(geom, 'NDR')" : "NULL::bytea")} FROM {schema}.{Q(layer)} ORDER BY fid", c);
            using var r = cmd.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
            while (r.Read())
            {
                h.Row();
                for (var i = 0; i < fields.Count; i++)
                {
                    if (r.IsDBNull(i))
                    {
                        h.Null();
                    }
                    else
                    {
                        h.Value(r.GetValue(i), fields[i].Type);
                    }
                }

                if (r.IsDBNull(fields.Count))
                {
                    h.Null();
                }
                else
                {
                    h.Wkb(r.GetFieldValue<byte[]>(fields.Count));
                }
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = new NpgsqlCommand($"SELECT key, value FROM {schema}.facilities_metadata", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                metadata[r.GetString(0)] = r.GetString(1);
            }
        }

        h.Metadata(metadata);
        return h.Finish();
    }

    private static bool Spatial(NpgsqlConnection c, string schema, string layer)
    {
        using var cmd = new NpgsqlCommand($"SELECT geometry_type IS NOT NULL FROM {schema}.facilities_layers WHERE name = @n", c);
        cmd.Parameters.AddWithValue("n", layer);
        return cmd.ExecuteScalar() is true;
    }
}
