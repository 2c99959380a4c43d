using System.Globalization;
using Facilities.Core.Provenance;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Results;

/// <summary>
/// A result as every output shows it: typed fields, rows of values (null = no data) with an optional geometry, and the
/// stamp of the run. Built once per computation from the column definitions beside it; the CSV, XLSX, GeoPackage and
/// GeoJSON writers and the web server all take this, so they cannot disagree on names, order, types or values.
/// </summary>
/// <param name="Name">The table's name (a GeoPackage layer, a sheet).</param>
/// <param name="Fields">Fields in output order.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Stamp">The stamp of the run.</param>
public sealed record ResultTable(string Name, IReadOnlyList<ResultField> Fields, IReadOnlyList<ResultRow> Rows, ResultStamp Stamp)
{
    /// <summary>
    /// Evaluates <paramref name="columns"/> on <paramref name="rows"/> once. Values are normalised to their kind (int →
    /// long, decimal and float → double), and an empty text in a column that is not text is null: some definitions
    /// still say "unknown" that way.
    /// </summary>
    public static ResultTable Build<T>(
        string name, IEnumerable<T> rows, IReadOnlyList<ResultColumn<T>> columns, Func<T, string> key, Func<T, Geometry?> geometry, ResultStamp stamp)
    {
        var fields = columns.Select(c => c.Field).ToList();
        var built = rows.Select(r =>
        {
            var values = new object?[columns.Count];
            for (var k = 0; k < columns.Count; k++)
            {
                values[k] = Normalise(fields[k], columns[k].Value(r));
            }

            return new ResultRow(key(r), geometry(r), values);
        }).ToList();
        return new ResultTable(name, fields, built, stamp);
    }

    /// <summary>The position of the field <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var k = 0; k < Fields.Count; k++)
        {
            if (Fields[k].Name == name)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The value of field <paramref name="name"/> in <paramref name="row"/>.</summary>
    public object? Value(ResultRow row, string name) => row.Values[IndexOf(name) is >= 0 and var k ? k : throw new ArgumentException($"no field '{name}' in {Name}", nameof(name))];

    /// <summary>The rows whose field <paramref name="name"/> holds <paramref name="text"/>, as a table named <paramref name="tableName"/> (same fields, same stamp).</summary>
    public ResultTable Where(string name, string text, string? tableName = null)
    {
        var k = IndexOf(name);
        return this with { Name = tableName ?? Name, Rows = [.. Rows.Where(r => r.Values[k] as string == text)] };
    }

    private static object? Normalise(ResultField field, object? v) => v switch
    {
        null => null,
        string { Length: 0 } when field.Kind != ResultKind.Text => null,
        int i => (long)i,
        decimal m => (double)m,
        float f => (double)f,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => v,
    };
}
