using System.Text;
using Npgsql;

namespace Facilities.Storage.PostGis.Datasets;

/// <summary>
/// A PostGIS dataset named on a command line: a database and the schema its layers live in. Three spellings are
/// accepted (docs/cli.md, "Dataset locations"): Npgsql keywords <c>Host=…;Database=…[;Schema=…]</c>, libpq keywords
/// <c>host=… dbname=… [schema=…]</c> and URIs <c>postgresql://user@host:port/db[?schema=…]</c>. The schema is not a
/// connection setting in any of them, so it is taken out before the rest goes to Npgsql; without one it is
/// <see cref="DefaultSchema"/>.
/// </summary>
public sealed record PostGisLocation(string ConnectionString, string Schema)
{
    /// <summary>The schema a dataset lives in when the location names none.</summary>
    public const string DefaultSchema = "facilities";

    // libpq keyword → Npgsql keyword, for the ones a dataset location needs (https://www.postgresql.org/docs/current/libpq-connect.html).
    private static readonly Dictionary<string, string> Libpq = new(StringComparer.OrdinalIgnoreCase)
    {
        ["host"] = "Host",
        ["hostaddr"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["passfile"] = "Passfile",
        ["sslmode"] = "SSL Mode",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslrootcert"] = "Root Certificate",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    /// <summary>Whether <paramref name="text"/> names a database rather than a file: a postgres URI or keyword=value pairs.</summary>
    public static bool IsDatabase(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || (t.Contains('=', StringComparison.Ordinal) && !t.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) && !File.Exists(t));
    }

    /// <summary>The database user (for messages).</summary>
    public string User => new NpgsqlConnectionStringBuilder(ConnectionString).Username ?? Environment.UserName;

    /// <summary>The database name (for messages).</summary>
    public string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database ?? User;

    /// <summary>host:port (for messages).</summary>
    public string Server
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{b.Host ?? "localhost"}:{b.Port}";
        }
    }

    /// <summary>The psql/createdb flags that reach the same server as this user ("-h 127.0.0.1 -p 5432 -U gis"), for fixes in messages.</summary>
    public string ConnectionFlags
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"-h {b.Host ?? "localhost"} -p {b.Port} -U {User}";
        }
    }

    /// <summary>The location without its password, as messages and stamps may show it.</summary>
    public string Display => $"postgresql://{User}@{Server}/{Database}?schema={Schema}";

    /// <summary>Parses one of the three spellings; an <see cref="ArgumentException"/> says what is wrong in both languages.</summary>
    public static PostGisLocation Parse(string text)
    {
        var t = text.Trim();
        var (pairs, schema) = t.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && t.Contains("://", StringComparison.Ordinal)
            ? FromUri(t)
            : t.Contains(';', StringComparison.Ordinal) || !LooksLibpq(t) ? FromNpgsql(t) : FromLibpq(t);
        var builder = new NpgsqlConnectionStringBuilder();
        foreach (var (k, v) in pairs)
        {
            try
            {
                builder[k] = v;
            }
            catch (ArgumentException)
            {
                throw Bad($"không hiểu khoá '{k}'", $"unknown keyword '{k}'");
            }
        }

        // A stopped server should fail in seconds, not Npgsql's default 15.
        if (!pairs.Any(p => p.Key.Equals("Timeout", StringComparison.OrdinalIgnoreCase)))
        {
            builder.Timeout = 5;
        }

        schema ??= DefaultSchema;
        try
        {
            SchemaName.Quote(schema);
        }
        catch (ArgumentException)
        {
            throw Bad($"tên schema '{schema}' chỉ gồm chữ thường, chữ số và '_', bắt đầu bằng chữ", $"schema name '{schema}' must be lower-case letters, digits and '_', starting with a letter");
        }

        return new PostGisLocation(builder.ConnectionString, schema);
    }

    private static bool LooksLibpq(string t) => !t.Contains(';', StringComparison.Ordinal) && t.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .All(p => p.Contains('=', StringComparison.Ordinal) || p.StartsWith('\'') || p.EndsWith('\''));

    private static (List<KeyValuePair<string, string>>, string?) FromNpgsql(string t)
    {
        var b = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = t };
        var pairs = new List<KeyValuePair<string, string>>();
        string? schema = null;
        foreach (string key in b.Keys)
        {
            var value = Convert.ToString(b[key], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (key.Equals("schema", StringComparison.OrdinalIgnoreCase))
            {
                schema = value;
            }
            else
            {
                pairs.Add(new(key, value));
            }
        }

        return (pairs, schema);
    }

    // libpq: key = value pairs separated by spaces; a value may be single-quoted, with \' and \\ inside.
    private static (List<KeyValuePair<string, string>>, string?) FromLibpq(string t)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        string? schema = null;
        var i = 0;
        while (i < t.Length)
        {
            while (i < t.Length && char.IsWhiteSpace(t[i]))
            {
                i++;
            }

            if (i >= t.Length)
            {
                break;
            }

            var eq = t.IndexOf('=', i);
            if (eq < 0)
            {
                throw Bad($"thiếu '=' sau '{t[i..]}'", $"'=' missing after '{t[i..]}'");
            }

            var key = t[i..eq].Trim();
            i = eq + 1;
            while (i < t.Length && char.IsWhiteSpace(t[i]))
            {
                i++;
            }

            var value = new StringBuilder();
            if (i < t.Length && t[i] == '\'')
            {
                i++;
                while (i < t.Length && t[i] != '\'')
                {
                    if (t[i] == '\\' && i + 1 < t.Length)
                    {
                        i++;
                    }

                    value.Append(t[i++]);
                }

                i++;
            }
            else
            {
                while (i < t.Length && !char.IsWhiteSpace(t[i]))
                {
                    value.Append(t[i++]);
                }
            }

            if (key.Equals("schema", StringComparison.OrdinalIgnoreCase))
            {
                schema = value.ToString();
            }
            else if (Libpq.TryGetValue(key, out var npgsql))
            {
                pairs.Add(new(npgsql, value.ToString()));
            }
            else
            {
                throw Bad($"không hỗ trợ khoá libpq '{key}'", $"libpq keyword '{key}' is not supported");
            }
        }

        return (pairs, schema);
    }

    // postgresql://[user[:password]@][host][:port][/dbname][?key=value&…], as libpq reads it.
    private static (List<KeyValuePair<string, string>>, string?) FromUri(string t)
    {
        if (!Uri.TryCreate(t, UriKind.Absolute, out var uri))
        {
            throw Bad("URI không hợp lệ", "not a valid URI");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        if (uri.Host.Length > 0)
        {
            pairs.Add(new("Host", uri.Host.Trim('[', ']')));
        }

        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            pairs.Add(new("Port", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            pairs.Add(new("Username", Uri.UnescapeDataString(parts[0])));
            if (parts.Length == 2)
            {
                pairs.Add(new("Password", Uri.UnescapeDataString(parts[1])));
            }
        }

        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0)
        {
            pairs.Add(new("Database", db));
        }

        string? schema = null;
        foreach (var item in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = item.Split('=', 2);
            var (key, value) = (Uri.UnescapeDataString(kv[0]), kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "");
            if (key.Equals("schema", StringComparison.OrdinalIgnoreCase))
            {
                schema = value;
            }
            else if (Libpq.TryGetValue(key, out var npgsql))
            {
                pairs.Add(new(npgsql, value));
            }
            else
            {
                throw Bad($"không hỗ trợ tham số '{key}'", $"URI parameter '{key}' is not supported");
            }
        }

        return (pairs, schema);
    }

    private static ArgumentException Bad(string vi, string en) => new(
        $"vị trí bộ dữ liệu PostgreSQL không hợp lệ: {vi} (dùng \"Host=…;Database=…;Schema=…\", \"host=… dbname=… schema=…\" hoặc postgresql://user@host:port/db?schema=…) / " +
        $"invalid PostgreSQL dataset location: {en} (use \"Host=…;Database=…;Schema=…\", \"host=… dbname=… schema=…\" or postgresql://user@host:port/db?schema=…)");
}
