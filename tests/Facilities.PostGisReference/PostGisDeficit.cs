using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Schema;
using Facilities.Storage.PostGis;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Facilities.PostGisReference;

/// <summary>
/// The administrative deficit computed by PostGIS: a <see cref="CityModel"/> is loaded into its own schema, then one
/// SQL statement reproduces <see cref="AdminDeficitCalculator"/> row for row (docs/performance.md compares the two).
/// </summary>
/// <remarks>
/// Tables (all geometries in the city's metric SRID, e.g. EPSG:32648):
/// <c>wards(code, name, unit_type, population, pop_mam_non … pop_thpt, geom MultiPolygon)</c>,
/// <c>schools(id, name, level, classrooms, subject_rooms, is_public, ward_code, geom Point)</c>,
/// <c>growth_areas(kind, id, name, residents, start_year, completion_year, geom MultiPolygon)</c>.
/// The data source must map NetTopologySuite geometries: build it with <see cref="CreateDataSource"/> or call
/// <c>UseNetTopologySuite()</c> on your own <see cref="NpgsqlDataSourceBuilder"/>.
/// </remarks>
public static class PostGisDeficit
{
    /// <summary>A data source for <paramref name="connectionString"/> with NetTopologySuite geometry mapping.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    /// <summary>
    /// Creates <paramref name="schema"/> (it must not exist), its three tables and their spatial indexes, and
    /// bulk-loads the city's wards, schools and growth areas with binary COPY, in one transaction.
    /// </summary>
    /// <param name="db">Data source with NetTopologySuite mapping.</param>
    /// <param name="city">The city, geometries in <see cref="CityModel.MetricCrs"/>.</param>
    /// <param name="schema">A new schema name: lower-case letters, digits and underscores, starting with a letter.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task LoadAsync(NpgsqlDataSource db, CityModel city, string schema, CancellationToken cancellationToken = default)
    {
        var s = SchemaName.Quote(schema);
        var srid = city.MetricCrs.Srid;
        var popColumns = string.Concat(DatasetSchema.Levels.Select(l => $"pop_{l} bigint, "));
        await using var conn = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(conn, $"""
            CREATE SCHEMA {s};
            CREATE TABLE {s}.wards (
                code text PRIMARY KEY, name text NOT NULL, unit_type text NOT NULL, population bigint NOT NULL,
                {popColumns}geom geometry(MultiPolygon, {srid}) NOT NULL);
            CREATE TABLE {s}.schools (
                id text NOT NULL, name text NOT NULL, level text NOT NULL, classrooms bigint NOT NULL, subject_rooms bigint,
                is_public boolean NOT NULL, ward_code text NOT NULL, geom geometry(Point, {srid}) NOT NULL);
            CREATE TABLE {s}.growth_areas (
                kind text NOT NULL, id text NOT NULL, name text NOT NULL, residents numeric NOT NULL,
                start_year integer, completion_year integer, geom geometry(MultiPolygon, {srid}) NOT NULL,
                PRIMARY KEY (kind, id));
            """, cancellationToken).ConfigureAwait(false);

        var pops = string.Concat(DatasetSchema.Levels.Select(l => $"pop_{l}, "));
        await using (var w = await conn.BeginBinaryImportAsync(
            $"COPY {s}.wards (code, name, unit_type, population, {pops}geom) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var ward in city.Wards)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.Code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.UnitType, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.Population, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                foreach (var level in DatasetSchema.Levels)
                {
                    if (ward.SchoolAgeResidents.TryGetValue(level, out var counted))
                    {
                        await w.WriteAsync(counted, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await w.WriteAsync(Multi(ward.Area, srid), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            $"COPY {s}.schools (id, name, level, classrooms, subject_rooms, is_public, ward_code, geom) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var school in city.Schools)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Level, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Classrooms, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                if (school.SubjectRooms is long rooms)
                {
                    await w.WriteAsync(rooms, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                await w.WriteAsync(school.IsPublic, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.WardCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(WithSrid(school.Location, srid), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            $"COPY {s}.growth_areas (kind, id, name, residents, start_year, completion_year, geom) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var g in city.Growth)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(g.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(g.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(g.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(g.Residents, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(w, g.StartYear, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(w, g.CompletionYear, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(Multi(g.Area, srid), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(conn, $"""
            CREATE INDEX ON {s}.wards USING gist (geom);
            CREATE INDEX ON {s}.growth_areas USING gist (geom);
            CREATE INDEX ON {s}.schools (ward_code, level);
            ANALYZE {s}.wards; ANALYZE {s}.schools; ANALYZE {s}.growth_areas;
            """, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The administrative deficit of the city loaded in <paramref name="schema"/>, computed in one SQL statement:
    /// one row per ward and level, in ward-code then level order, equal to <see cref="AdminDeficitCalculator.Compute"/>.
    /// </summary>
    /// <param name="db">Data source.</param>
    /// <param name="schema">Schema filled by <see cref="LoadAsync"/>.</param>
    /// <param name="norms">Norms; the values the run reads are passed to the statement as parameters.</param>
    /// <param name="options">Year, levels, two sessions, public only.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<DeficitRow>> ComputeAdminAsync(
        NpgsqlDataSource db, string schema, NormsSet norms, DeficitOptions options, CancellationToken cancellationToken = default)
    {
        if (options.PreschoolByAge)
        {
            // The SQL applies one cap per level; refusing is better than a silently different answer.
            throw new NotSupportedException("PreschoolByAge is computed in memory only (AdminDeficitCalculator).");
        }

        var levels = options.Levels.ToArray();
        await using var cmd = db.CreateCommand(AdminDeficitSql.For(SchemaName.Quote(schema)));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("levels", levels));
        cmd.Parameters.Add(new NpgsqlParameter<int[]>("orders", [.. levels.Select(l => DatasetSchema.Levels.ToList().IndexOf(l))]));
        cmd.Parameters.Add(new NpgsqlParameter<decimal[]>("per_thousand", [.. levels.Select(l => norms[$"places_per_1000.{l}"])]));
        cmd.Parameters.Add(new NpgsqlParameter<int[]>("caps", [.. levels.Select(l => (int)norms[$"class_cap.{l}"])]));
        cmd.Parameters.Add(new NpgsqlParameter<decimal[]>("ratios",
            [.. levels.Select(l => norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + l])]));
        cmd.Parameters.Add(new NpgsqlParameter<decimal[]>("enrolment", [.. levels.Select(l => norms[$"enrolment_rate.{l}"])]));
        cmd.Parameters.Add(new NpgsqlParameter<decimal[]>("age_shares", [.. levels.Select(l => norms[$"age_share.{l}"])]));
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("subject_norms", [.. levels.Select(l => (long)norms[$"subject_rooms_required.{l}"])]));
        cmd.Parameters.Add(new NpgsqlParameter<int>("year", options.Year));
        cmd.Parameters.Add(new NpgsqlParameter<bool>("public_only", options.PublicOnly));

        var rows = new List<DeficitRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DeficitRow
            {
                WardCode = reader.GetString(0),
                WardName = reader.GetString(1),
                UnitType = reader.GetString(2),
                Level = reader.GetString(3),
                Year = options.Year,
                SchoolAgeResidents = reader.GetDecimal(4),
                ResidentsSource = reader.GetString(5),
                ResidentPupils = reader.GetDecimal(6),
                UrbanAreaPupils = reader.GetDecimal(7),
                IndustrialZonePupils = reader.GetDecimal(8),
                Pupils = reader.GetInt64(9),
                ClassCap = reader.GetInt32(10),
                ClassesNeeded = reader.GetInt64(11),
                RoomRatio = reader.GetDecimal(12),
                RoomsNeeded = reader.GetInt64(13),
                RoomsAvailable = reader.GetInt64(14),
                Schools = reader.GetInt32(15),
                SubjectRoomsRequired = reader.GetInt64(16),
                SubjectRoomsAvailable = reader.GetInt64(17),
                SubjectRoomsDeficit = reader.GetInt64(18),
                SubjectRoomsUnknown = reader.GetInt32(19),
            });
        }

        return rows;
    }

    /// <summary>
    /// The statement <see cref="ComputeAdminAsync"/> runs, with its parameters written in as literals, for psql and
    /// EXPLAIN (docs/performance.md times it with <c>psql -c</c>).
    /// </summary>
    /// <param name="schema">Schema filled by <see cref="LoadAsync"/>.</param>
    /// <param name="norms">Norms whose values the run reads.</param>
    /// <param name="options">Year, levels, two sessions, public only.</param>
    public static string Statement(string schema, NormsSet norms, DeficitOptions options)
    {
        static string Array<T>(IEnumerable<T> values, string type, Func<T, string> literal) => $"ARRAY[{string.Join(", ", values.Select(literal))}]::{type}[]";
        static string Number(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var levels = options.Levels.ToArray();
        var values = new Dictionary<string, string>
        {
            ["@levels"] = Array(levels, "text", l => $"'{l}'"),
            ["@orders"] = Array(levels, "int", l => Number(DatasetSchema.Levels.ToList().IndexOf(l))),
            ["@per_thousand"] = Array(levels, "numeric", l => Number(norms[$"places_per_1000.{l}"])),
            ["@caps"] = Array(levels, "int", l => Number((int)norms[$"class_cap.{l}"])),
            ["@ratios"] = Array(levels, "numeric", l => Number(norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + l])),
            ["@enrolment"] = Array(levels, "numeric", l => Number(norms[$"enrolment_rate.{l}"])),
            ["@age_shares"] = Array(levels, "numeric", l => Number(norms[$"age_share.{l}"])),
            ["@subject_norms"] = Array(levels, "bigint", l => Number((long)norms[$"subject_rooms_required.{l}"])),
            ["@year"] = Number(options.Year),
            ["@public_only"] = options.PublicOnly ? "true" : "false",
        };
        var sql = AdminDeficitSql.For(SchemaName.Quote(schema));
        foreach (var (name, literal) in values.OrderByDescending(v => v.Key.Length))
        {
            sql = sql.Replace(name, literal, StringComparison.Ordinal);
        }

        return sql;
    }

    /// <summary>Drops <paramref name="schema"/> and everything in it, if it exists.</summary>
    public static async Task DropSchemaAsync(NpgsqlDataSource db, string schema, CancellationToken cancellationToken = default)
    {
        await using var cmd = db.CreateCommand($"DROP SCHEMA IF EXISTS {SchemaName.Quote(schema)} CASCADE");
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter w, int? value, CancellationToken cancellationToken) =>
        value is int v ? w.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken) : w.WriteNullAsync(cancellationToken);

    private static Geometry Multi(Geometry g, int srid) => g switch
    {
        MultiPolygon => WithSrid(g, srid),
        Polygon p => WithSrid(p.Factory.CreateMultiPolygon([p]), srid),
        _ => throw new ArgumentException($"expected a polygon or multipolygon, got {g.GeometryType}", nameof(g)),
    };

    private static Geometry WithSrid(Geometry g, int srid)
    {
        if (g.SRID == srid)
        {
            return g;
        }

        var copy = g.Copy();
        copy.SRID = srid;
        return copy;
    }
}
