using System.Globalization;
using System.Text;
using Facilities.Formats;
using SQLitePCL;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// One read-only SELECT stepped through SQLitePCL.raw (the engine under Microsoft.Data.Sqlite), whose accessors
/// return spans into SQLite's own row buffer: a column costs a string or an array only when the caller asks for one.
/// For the parcels stream, where most rows are rejected on a few short codes.
/// </summary>
/// <remarks>
/// PERF: reading the 1,000,000 rows of the screening benchmark's parcels layer (geometry, id, three codes, area) took
/// 1.4–1.7 s of CPU through SqliteDataReader.GetValue and 0.7–0.8 s stepped here (tests/Facilities.Benchmarks,
/// <c>--screening --dataset f --read-rows</c>; docs/performance.md). Values follow SqliteDataReader's conversions:
/// text as UTF-8, integers and reals as invariant text where text is asked for, numbers as double.
/// </remarks>
internal sealed class RawRowReader : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly string _file;

    /// <summary>Opens <paramref name="path"/> read-only and prepares <paramref name="sql"/>.</summary>
    public RawRowReader(string path, string sql)
    {
        _file = Path.GetFileName(path);
        Batteries_V2.Init(); // idempotent; Microsoft.Data.Sqlite does the same
        if (raw.sqlite3_open_v2(path, out _db, raw.SQLITE_OPEN_READONLY, null) != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            _db.Dispose();
            throw Failure(message);
        }

        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            _db.Dispose();
            throw Failure(message);
        }
    }

    /// <summary>Binds a number to the statement's parameter <paramref name="name"/> (e.g. <c>@low</c>), before the first step.</summary>
    public void Bind(string name, double value)
    {
        var index = raw.sqlite3_bind_parameter_index(_stmt, name);
        if (index == 0)
        {
            throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
        }

        Check(raw.sqlite3_bind_double(_stmt, index, value));
    }

    /// <summary>Binds a text to the statement's parameter <paramref name="name"/>, before the first step.</summary>
    public void Bind(string name, string value)
    {
        var index = raw.sqlite3_bind_parameter_index(_stmt, name);
        if (index == 0)
        {
            throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
        }

        Check(raw.sqlite3_bind_text(_stmt, index, value));
    }

    /// <summary>Steps to the next row; false at the end.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        return false;
    }

    /// <summary>Whether column <paramref name="i"/> is NULL.</summary>
    public bool IsNull(int i) => raw.sqlite3_column_type(_stmt, i) == raw.SQLITE_NULL;

    /// <summary>The column as a double (SQLite's own conversion), or null.</summary>
    public double? Double(int i) => IsNull(i) ? null : raw.sqlite3_column_double(_stmt, i);

    /// <summary>The column's SQLite storage class (SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL).</summary>
    public int Kind(int i) => raw.sqlite3_column_type(_stmt, i);

    /// <summary>The column as a 64-bit integer (SQLite's own conversion).</summary>
    public long Int64(int i) => raw.sqlite3_column_int64(_stmt, i);

    /// <summary>The column's bytes: a blob's content or a text's UTF-8, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int i) => raw.sqlite3_column_blob(_stmt, i);

    /// <summary>The column as text (numbers in invariant form), or null.</summary>
    public string? Text(int i) => raw.sqlite3_column_type(_stmt, i) switch
    {
        var t when t == raw.SQLITE_NULL => null,
        var t when t == raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, i).ToString(CultureInfo.InvariantCulture),
        var t when t == raw.SQLITE_FLOAT => raw.sqlite3_column_double(_stmt, i).ToString(CultureInfo.InvariantCulture),
        _ => Encoding.UTF8.GetString(Bytes(i)),
    };

    /// <summary>
    /// The column as text, shared through <paramref name="codes"/>: a code seen before costs no allocation (codes
    /// repeat on every row). Up to 1,024 distinct codes are kept; others are returned unshared.
    /// </summary>
    public string? Code(int i, Dictionary<string, string> codes)
    {
        if (raw.sqlite3_column_type(_stmt, i) != raw.SQLITE_TEXT)
        {
            return Text(i);
        }

        var bytes = Bytes(i);
        if (bytes.Length > 64)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        Span<char> chars = stackalloc char[64];
        var n = Encoding.UTF8.GetChars(bytes, chars);
        var lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..n], out var shared))
        {
            return shared;
        }

        var text = new string(chars[..n]);
        return codes.Count < 1024 ? codes[text] = text : text;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stmt.Dispose();
        _db.Dispose();
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Failure(_db is null ? $"SQLite error {rc}" : raw.sqlite3_errmsg(_db).utf8_to_string());
        }
    }

    private DataFileException Failure(string message) =>
        new("read-failed", _file, "parcels", $"không đọc được lớp parcels: {message}", $"could not read the parcels layer: {message}");
}
