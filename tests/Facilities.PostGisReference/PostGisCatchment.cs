using Facilities.Core.Catchment;
using Facilities.Storage.PostGis;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Facilities.PostGisReference;

/// <summary>
/// The catchment method for one level, without capacity limit, computed by PostGIS: the <see cref="CatchmentInputs"/>
/// of a level (the same object <see cref="CatchmentCalculator"/> computes from) are loaded into tables, then one SQL
/// statement links points to schools with <c>ST_DWithin</c>, scores them with E2SFCA and allocates the pupils
/// (docs/performance.md compares the two engines).
/// </summary>
/// <remarks>
/// The capacity-limited allocation (<see cref="CatchmentOptions.CapacityLimited"/>), which re-offers turned-away
/// pupils for up to 50 rounds, is not written in SQL.
/// Tables (one level per schema; geometries in the metric SRID):
/// <c>catchment_params(level, year, class_cap, room_ratio)</c> (one row),
/// <c>catchment_wards(ward, code, name, unit_type)</c>,
/// <c>demand_points(point, ward, radius, demand, geom Point)</c> (radius by the ward type: phường, xã or đặc khu) with a GiST index,
/// <c>catchment_schools(school, id, name, ward_code, classrooms, capacity, geom Point)</c> with a GiST index.
/// <c>ward</c>, <c>point</c> and <c>school</c> are the indexes in <see cref="CatchmentInputs.Wards"/>,
/// <see cref="CatchmentInputs.Points"/> and <see cref="CatchmentInputs.Schools"/>.
/// </remarks>
public static class PostGisCatchment
{
    /// <summary>
    /// Creates <paramref name="schema"/> if it does not exist and, in it, the four catchment tables (which must not
    /// exist), bulk-loads <paramref name="inputs"/> with binary COPY, builds the indexes and analyses, in one transaction.
    /// </summary>
    /// <param name="db">Data source with NetTopologySuite mapping (<see cref="PostGisDeficit.CreateDataSource"/>).</param>
    /// <param name="inputs">One level's inputs (<see cref="CatchmentInputs.Build"/>).</param>
    /// <param name="srid">SRID of the metric CRS the inputs are in (<c>CityModel.MetricCrs.Srid</c>).</param>
    /// <param name="schema">Schema name: lower-case letters, digits and underscores, starting with a letter.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task LoadAsync(NpgsqlDataSource db, CatchmentInputs inputs, int srid, string schema, CancellationToken cancellationToken = default)
    {
        var s = SchemaName.Quote(schema);
        await using var conn = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(conn, $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE {s}.catchment_params (
                level text NOT NULL, year integer NOT NULL, class_cap integer NOT NULL, room_ratio numeric NOT NULL);
            CREATE TABLE {s}.catchment_wards (ward integer PRIMARY KEY, code text NOT NULL, name text NOT NULL, unit_type text NOT NULL);
            CREATE TABLE {s}.demand_points (
                point integer PRIMARY KEY, ward integer NOT NULL, radius float8 NOT NULL, demand float8 NOT NULL,
                geom geometry(Point, {srid}) NOT NULL);
            CREATE TABLE {s}.catchment_schools (
                school integer PRIMARY KEY, id text NOT NULL, name text NOT NULL, ward_code text NOT NULL, classrooms bigint NOT NULL,
                capacity float8 NOT NULL, geom geometry(Point, {srid}) NOT NULL);
            """, cancellationToken).ConfigureAwait(false);

        await using (var cmd = new NpgsqlCommand(
            $"INSERT INTO {s}.catchment_params VALUES (@level, @year, @cap, @ratio)", conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<string>("level", inputs.Level));
            cmd.Parameters.Add(new NpgsqlParameter<int>("year", inputs.Year));
            cmd.Parameters.Add(new NpgsqlParameter<int>("cap", inputs.ClassCap));
            cmd.Parameters.Add(new NpgsqlParameter<decimal>("ratio", inputs.RoomRatio));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            $"COPY {s}.catchment_wards (ward, code, name, unit_type) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < inputs.Wards.Count; i++)
            {
                var ward = inputs.Wards[i];
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.Code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(ward.UnitType, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var factory = new GeometryFactory(new PrecisionModel(), srid);
        var points = inputs.Points;
        await using (var w = await conn.BeginBinaryImportAsync(
            $"COPY {s}.demand_points (point, ward, radius, demand, geom) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < points.Count; i++)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(points.Ward[i], NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(inputs.RadiusMetres[points.RadiusClass[i]], NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(inputs.Demand[i], NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync<Geometry>(factory.CreatePoint(new Coordinate(points.X[i], points.Y[i])), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            $"COPY {s}.catchment_schools (school, id, name, ward_code, classrooms, capacity, geom) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            for (var j = 0; j < inputs.Schools.Count; j++)
            {
                var school = inputs.Schools[j];
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(j, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.WardCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(school.Classrooms, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(inputs.Capacity[j], NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync<Geometry>(factory.CreatePoint(new Coordinate(school.Location.X, school.Location.Y)), NpgsqlDbType.Geometry, cancellationToken)
                    .ConfigureAwait(false);
            }

            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(conn, $"""
            CREATE INDEX ON {s}.demand_points USING gist (geom);
            CREATE INDEX ON {s}.catchment_schools USING gist (geom);
            ANALYZE {s}.catchment_params; ANALYZE {s}.catchment_wards; ANALYZE {s}.demand_points; ANALYZE {s}.catchment_schools;
            """, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The statement <see cref="ComputeAsync"/> runs, for psql and EXPLAIN (docs/performance.md quotes it).</summary>
    /// <param name="schema">Schema filled by <see cref="LoadAsync"/>.</param>
    public static string Statement(string schema) => CatchmentSql.For(SchemaName.Quote(schema));

    /// <summary>
    /// The catchment rows of the level loaded in <paramref name="schema"/>, without capacity limit, computed in one
    /// SQL statement: equal, to floating-point rounding, to <see cref="CatchmentCalculator.ComputeLevel"/> with
    /// <see cref="CatchmentOptions.CapacityLimited"/> false on the same inputs; ward rows in ward order, school rows in school order.
    /// </summary>
    /// <param name="db">Data source.</param>
    /// <param name="schema">Schema filled by <see cref="LoadAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<CatchmentLevelRows> ComputeAsync(NpgsqlDataSource db, string schema, CancellationToken cancellationToken = default)
    {
        await using var cmd = db.CreateCommand(CatchmentSql.For(SchemaName.Quote(schema)));
        var wards = new List<CatchmentWardRow>();
        var schools = new List<CatchmentSchoolRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var level = reader.GetString(12);
            if (reader.GetInt32(0) == 0)
            {
                wards.Add(new CatchmentWardRow
                {
                    WardCode = reader.GetString(2),
                    WardName = reader.GetString(3),
                    UnitType = reader.GetString(4),
                    Level = level,
                    Year = reader.GetInt32(13),
                    Pupils = reader.GetDouble(5),
                    Allocated = reader.GetDouble(6),
                    Unserved = reader.GetDouble(7),
                    BeyondReach = reader.GetDouble(14),
                    FarAssigned = reader.GetDouble(15),
                    Accessibility = reader.GetDouble(8),
                    ClassesNeeded = reader.GetInt64(9),
                    RoomsNeeded = reader.GetInt64(10),
                    RoomsAvailable = reader.GetInt64(11),
                });
            }
            else
            {
                schools.Add(new CatchmentSchoolRow(reader.GetString(2), reader.GetString(3), level, reader.GetString(4), reader.GetInt64(11),
                    reader.GetDouble(5), reader.GetDouble(6)));
            }
        }

        return new CatchmentLevelRows(wards, schools);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
