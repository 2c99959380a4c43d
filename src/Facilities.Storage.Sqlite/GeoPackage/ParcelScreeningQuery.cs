using System.Globalization;
using System.Text;
using Facilities.Core.Screening;
using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// The SQL a screening reads the parcels layer with when it has the attribute indexes (<see cref="ParcelAttributeIndex"/>):
/// only the rows the attribute filter cannot reject without them, found through the indexes, and the rows left out
/// counted by the failure they count on, in the area index alone (issue 15, docs/performance.md).
/// </summary>
/// <remarks>
/// The rows kept are a superset of the rows <see cref="AttributeFilter"/> keeps, and the filter tests each of them as
/// before, so the result is the same as reading every row. Kept: a geometry and a stated area that is NULL, between
/// the two minimums (the ward decides the first failure), not a number (text or a blob sorts after every number in
/// SQLite, so <c>&gt; 1e300</c> takes it), or with a current or planned land-use code that may pass; the last two at
/// any area when small state parcels may merge, else from the smaller minimum up. The codes that may pass are listed
/// from the stored values themselves (walked in the index, one lookup each), so the comparison in SQL is exact
/// whatever case or spaces the data has. Left out: the others, whose numeric area is below the smaller minimum
/// (counted on area) or at least the larger one (counted on land use); the reader subtracts the rows of the same
/// areas it kept, which the filter counts itself.
/// </remarks>
internal static class ParcelScreeningQuery
{
    /// <summary>Above this, a number is kept (with text and blobs, which sort after every number).</summary>
    public const double Huge = 1e300;

    // A layer with more distinct codes than this is read without the land-use terms (all rows from the smaller minimum up).
    private const int MaxCodes = 256;

    /// <summary>
    /// The query of the rows kept (parameters @low, @high and the codes returned with it) and the query
    /// counting all rows by area band (two columns: area below @low, area from @high to <see cref="Huge"/>), or null
    /// when a code that may pass is stored as something else than text (then the caller reads as without indexes).
    /// </summary>
    public static (string Kept, string Count, List<(string Name, string Value)> Codes)? Build(
        SqliteConnection c, string table, string geometryColumn, string select, AttributeFilter filter)
    {
        var (t, geom) = (GeoPackageSchema.Quote(table), GeoPackageSchema.Quote(geometryColumn));
        var (area, use, planned) = (GeoPackageSchema.Quote("area_m2"), GeoPackageSchema.Quote("land_use"), GeoPackageSchema.Quote("planned_land_use"));
        var uses = MayPass(c, table, geometryColumn, "land_use", filter.MayAllowLandUse);
        var plans = MayPass(c, table, geometryColumn, "planned_land_use", filter.MayAllowPlannedLandUse);
        if (uses is null || plans is null)
        {
            return null;
        }

        var from = filter.SmallStateParcelsMayMerge ? "" : $" AND {area} >= @low";
        var codes = new List<(string Name, string Value)>();
        string In(string column, List<string> values, string prefix)
        {
            var names = values.Select((v, i) => (Name: $"@{prefix}{i.ToString(CultureInfo.InvariantCulture)}", Value: v)).ToList();
            codes.AddRange(names);
            return $"{column} IN ({string.Join(", ", names.Select(n => n.Name))}){from}";
        }

        var terms = new List<string>
        {
            $"{area} IS NULL",
            $"{area} >= @low AND {area} < @high",
            $"{area} > {Huge.ToString("R", CultureInfo.InvariantCulture)}",
        };
        if (uses.Value.Codes.Count > 0)
        {
            terms.Add(In(use, uses.Value.Codes, "u"));
        }

        if (uses.Value.Null)
        {
            terms.Add($"{use} IS NULL{from}");
        }

        if (plans.Value.Codes.Count > 0)
        {
            terms.Add(In(planned, plans.Value.Codes, "p"));
        }

        var inner = string.Join(" UNION ALL ", terms.Select(term => $"SELECT rowid FROM {t} WHERE {geom} IS NOT NULL AND {term}"));

        // PERF: the rowids first (each term one index range), then the rows by rowid in rowid order (layer order) with
        // no sort of the rows' blobs.
        var kept = $"SELECT {select} FROM {t} WHERE rowid IN ({inner}) ORDER BY rowid";
        var count = $"SELECT (SELECT count(*) FROM {t} WHERE {geom} IS NOT NULL AND {area} < @low), " +
            $"(SELECT count(*) FROM {t} WHERE {geom} IS NOT NULL AND {area} >= @high AND {area} <= {Huge.ToString("R", CultureInfo.InvariantCulture)})";
        return (kept, count, codes);
    }

    // The stored values of the column that may pass (text only), and whether NULL may pass (read as ""), walked in the
    // column's index from one distinct value to the next; null when a value that may pass is not text, or there are too many.
    private static (List<string> Codes, bool Null)? MayPass(SqliteConnection c, string table, string geometryColumn, string column, Func<string, bool> mayPass)
    {
        var (t, geom, col) = (GeoPackageSchema.Quote(table), GeoPackageSchema.Quote(geometryColumn), GeoPackageSchema.Quote(column));
        using var cmd = c.CreateCommand();
        var head = $"SELECT {col} FROM {t} INDEXED BY {GeoPackageSchema.Quote(ParcelAttributeIndex.NameFor(column))} WHERE {geom} IS NOT NULL AND ";
        cmd.CommandText = head + $"{col} IS NOT NULL ORDER BY {col} LIMIT 1";
        var codes = new List<string>();
        for (var n = 0; n <= MaxCodes; n++)
        {
            var value = cmd.ExecuteScalar();
            if (value is null or DBNull)
            {
                return (codes, mayPass(""));
            }

            if (value is string s)
            {
                if (mayPass(s))
                {
                    codes.Add(s);
                }
            }
            else if (mayPass(value is byte[] b ? Encoding.UTF8.GetString(b) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""))
            {
                return null;
            }

            cmd.CommandText = head + $"{col} > $prev ORDER BY {col} LIMIT 1";
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$prev", value);
        }

        return null;
    }
}
