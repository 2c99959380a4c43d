using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// Totals of a dataset computed in SQL, so <c>info</c> stays fast on a million parcels: per layer the count,
/// the sum of every count or area field, and the number of features per code of every enumerated field.
/// </summary>
public static class DatasetSummary
{
    /// <summary>Summaries of the schema layers present in the dataset, in schema order.</summary>
    public static List<LayerSummary> Compute(string path)
    {
        var described = GeoPackageDataset.Describe(path).ToDictionary(d => d.Table.Name, StringComparer.Ordinal);
        var result = new List<LayerSummary>();
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
        foreach (var (table, count) in described.Values.OrderBy(d => Order(d.Table.Name)).ThenBy(d => d.Table.Name, StringComparer.Ordinal))
        {
            var columns = Columns(c, table.Name);
            var sums = new List<FieldTotal>();
            var groups = new List<(string, IReadOnlyList<(string, long)>)>();
            if (DatasetSchema.Find(table.Name) is { } schema)
            {
                foreach (var f in schema.Fields.Where(f => columns.Contains(f.Name)))
                {
                    if (f.Type is FieldType.Integer or FieldType.Real && f.NonNegative)
                    {
                        sums.Add(Total(c, table.Name, f.Name));
                    }
                    else if (f.AllowedValues is not null || f.Name == "land_use")
                    {
                        groups.Add((f.Name, GroupCounts(c, table.Name, f.Name)));
                    }
                }
            }

            result.Add(new LayerSummary(table, count, sums, groups));
        }

        return result;
    }

    private static int Order(string name)
    {
        var i = DatasetSchema.Layers.ToList().FindIndex(l => l.Name == name);
        return i < 0 ? int.MaxValue : i;
    }

    private static HashSet<string> Columns(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info({GeoPackageSchema.Quote(table)})";
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(1));
        }

        return set;
    }

    // An all-empty field is unknown, not zero: SUM gives NULL there, and the count of values says how complete it is.
    private static FieldTotal Total(SqliteConnection c, string table, string field)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT SUM({GeoPackageSchema.Quote(field)}), COUNT({GeoPackageSchema.Quote(field)}) FROM {GeoPackageSchema.Quote(table)}";
        using var r = cmd.ExecuteReader();
        r.Read();
        return new FieldTotal(field, r.IsDBNull(0) ? null : r.GetDouble(0), r.GetInt64(1));
    }

    private static List<(string, long)> GroupCounts(SqliteConnection c, string table, string field)
    {
        using var cmd = c.CreateCommand();
        var q = GeoPackageSchema.Quote(field);
        cmd.CommandText = $"SELECT COALESCE({q}, '(null)'), COUNT(*) FROM {GeoPackageSchema.Quote(table)} GROUP BY 1 ORDER BY 2 DESC, 1";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, long)>();
        while (r.Read())
        {
            list.Add((Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!, r.GetInt64(1)));
        }

        return list;
    }
}
