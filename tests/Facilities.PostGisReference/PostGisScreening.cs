using Facilities.Core.Model;
using Facilities.Core.Screening;
using Facilities.Storage.PostGis;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Facilities.PostGisReference;

/// <summary>
/// The parcel screening (issue 4) computed by PostGIS, to cross-check <see cref="ParcelScreener"/>: the city's
/// wards, school sites and industrial zones, the parcels and the same <see cref="ScreeningInputs"/> the in-memory
/// engine screens with are loaded into tables, then one SQL statement applies the hard constraints and scores the
/// parcels that pass (docs/sites.md, docs/performance.md).
/// </summary>
/// <remarks>
/// Single parcels only: merged sites (touching small state parcels) are not written in SQL. The demand-grid values
/// the score sums (rooms short, unserved pupils per point) come from the C# deficit and catchment engines, whose SQL
/// mirrors are checked separately (<see cref="PostGisDeficit"/>, <see cref="PostGisCatchment"/>); each point is
/// loaded at the centre of the lattice node <see cref="ServiceSurface"/> places it on.
/// Tables: <c>screening_params</c> (one row), <c>screening_owner_values(owner_type, value)</c>,
/// <c>screening_wards(ward, code, name, unit_type, urban, geom)</c>, <c>screening_zones(geom)</c>,
/// <c>screening_schools(is_point, geom)</c> (every school: its site polygon, else its point),
/// <c>screening_level_schools(geom)</c> (the level's schools, public only with that option),
/// <c>screening_nodes(rooms_short, unserved, geom)</c>, <c>screening_parcels(parcel, id, land_use, planned_land_use,
/// owner_type, area_m2, geom)</c>; geometries in the city's metric SRID, GiST indexes on all but the parcels.
/// </remarks>
public static class PostGisScreening
{
    /// <summary>
    /// Creates <paramref name="schema"/> if needed and, in it, the screening tables (which must not exist), and fills
    /// them with binary COPY, in one transaction.
    /// </summary>
    /// <param name="db">Data source with NetTopologySuite mapping (<see cref="PostGisDeficit.CreateDataSource"/>).</param>
    /// <param name="city">The city, in its metric CRS (its own parcels are not read).</param>
    /// <param name="inputs">The screener's inputs (<see cref="ParcelScreener.Inputs"/>).</param>
    /// <param name="parcels">The parcels to screen, in the metric CRS.</param>
    /// <param name="schema">Schema name: lower-case letters, digits and underscores, starting with a letter.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task LoadAsync(NpgsqlDataSource db, CityModel city, ScreeningInputs inputs, IEnumerable<ParcelUnit> parcels, string schema,
        CancellationToken cancellationToken = default)
    {
        var s = SchemaName.Quote(schema);
        var srid = city.MetricCrs.Srid;
        var options = inputs.Options;
        var factory = new GeometryFactory(new PrecisionModel(), srid);
        await using var conn = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(conn, $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE {s}.screening_params (
                min_area_rural float8 NOT NULL, min_area_urban float8 NOT NULL, radius_rural float8 NOT NULL, radius_urban float8 NOT NULL,
                reference_rooms float8 NOT NULL, reference_pupils float8 NOT NULL, min_width_m float8 NOT NULL, min_industrial_m float8 NOT NULL,
                convertible text[] NOT NULL, allow_residential boolean NOT NULL,
                w_rooms_short numeric NOT NULL, w_unserved_pupils numeric NOT NULL, w_school_distance numeric NOT NULL,
                w_land_status numeric NOT NULL, w_area_margin numeric NOT NULL);
            CREATE TABLE {s}.screening_owner_values (owner_type text PRIMARY KEY, value numeric NOT NULL);
            CREATE TABLE {s}.screening_wards (
                ward integer PRIMARY KEY, code text NOT NULL, name text NOT NULL, unit_type text NOT NULL, urban boolean NOT NULL,
                geom geometry(Geometry, {srid}) NOT NULL);
            CREATE TABLE {s}.screening_zones (geom geometry(Geometry, {srid}) NOT NULL);
            CREATE TABLE {s}.screening_schools (is_point boolean NOT NULL, geom geometry(Geometry, {srid}) NOT NULL);
            CREATE TABLE {s}.screening_level_schools (geom geometry(Point, {srid}) NOT NULL);
            CREATE TABLE {s}.screening_nodes (rooms_short float8 NOT NULL, unserved float8 NOT NULL, geom geometry(Point, {srid}) NOT NULL);
            CREATE TABLE {s}.screening_parcels (
                parcel integer PRIMARY KEY, id text NOT NULL, land_use text NOT NULL, planned_land_use text, owner_type text,
                area_m2 float8 NOT NULL, geom geometry(Geometry, {srid}) NOT NULL);
            """, cancellationToken).ConfigureAwait(false);

        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO {s}.screening_params VALUES (@minr, @minu, @radr, @radu, @refr, @refp, @width, @ind, @conv, @res, @w1, @w2, @w3, @w4, @w5)
            """, conn))
        {
            var w = options.Weights;
            cmd.Parameters.Add(new NpgsqlParameter<double>("minr", inputs.MinAreaM2[0]));
            cmd.Parameters.Add(new NpgsqlParameter<double>("minu", inputs.MinAreaM2[1]));
            cmd.Parameters.Add(new NpgsqlParameter<double>("radr", inputs.RadiusM[0]));
            cmd.Parameters.Add(new NpgsqlParameter<double>("radu", inputs.RadiusM[1]));
            cmd.Parameters.Add(new NpgsqlParameter<double>("refr", inputs.ReferenceRooms));
            cmd.Parameters.Add(new NpgsqlParameter<double>("refp", inputs.ReferencePupils));
            cmd.Parameters.Add(new NpgsqlParameter<double>("width", inputs.MinWidthM));
            cmd.Parameters.Add(new NpgsqlParameter<double>("ind", inputs.MinIndustrialDistanceM));
            cmd.Parameters.Add(new NpgsqlParameter<string[]>("conv", [.. inputs.ConvertibleLandUses]));
            cmd.Parameters.Add(new NpgsqlParameter<bool>("res", options.AllowResidential));
            cmd.Parameters.Add(new NpgsqlParameter<decimal>("w1", w.RoomsShort));
            cmd.Parameters.Add(new NpgsqlParameter<decimal>("w2", w.UnservedPupils));
            cmd.Parameters.Add(new NpgsqlParameter<decimal>("w3", w.SchoolDistance));
            cmd.Parameters.Add(new NpgsqlParameter<decimal>("w4", w.LandStatus));
            cmd.Parameters.Add(new NpgsqlParameter<decimal>("w5", w.AreaMargin));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await CopyAsync(conn, $"COPY {s}.screening_owner_values (owner_type, value) FROM STDIN (FORMAT BINARY)", options.Weights.OwnerValues,
            async (w, o, ct) =>
            {
                await w.WriteAsync(o.Key, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(o.Value, NpgsqlDbType.Numeric, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

        await CopyAsync(conn, $"COPY {s}.screening_wards (ward, code, name, unit_type, urban, geom) FROM STDIN (FORMAT BINARY)",
            city.Wards.Select((ward, i) => (ward, i)).Where(p => !p.ward.Area.IsEmpty),
            async (w, p, ct) =>
            {
                await w.WriteAsync(p.i, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(p.ward.Code, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(p.ward.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(p.ward.UnitType, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(ScreeningInputs.WardType(p.ward) == 1, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(WithSrid(p.ward.Area, srid), NpgsqlDbType.Geometry, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

        // The same zones as SiteGeometry: growth areas of kind industrial_zone, whatever their years.
        await CopyAsync(conn, $"COPY {s}.screening_zones (geom) FROM STDIN (FORMAT BINARY)",
            city.Growth.Where(g => g.Kind == "industrial_zone" && !g.Area.IsEmpty),
            (w, z, ct) => w.WriteAsync(WithSrid(z.Area, srid), NpgsqlDbType.Geometry, ct), cancellationToken).ConfigureAwait(false);

        await CopyAsync(conn, $"COPY {s}.screening_schools (is_point, geom) FROM STDIN (FORMAT BINARY)", city.Schools,
            async (w, school, ct) =>
            {
                Geometry site = school.Site is { IsEmpty: false } polygon ? polygon : school.Location;
                await w.WriteAsync(site is Point, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
                await w.WriteAsync(WithSrid(site, srid), NpgsqlDbType.Geometry, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

        await CopyAsync(conn, $"COPY {s}.screening_level_schools (geom) FROM STDIN (FORMAT BINARY)",
            city.Schools.Where(school => school.Level == options.Level && (!options.PublicOnly || school.IsPublic)),
            (w, school, ct) => w.WriteAsync<Geometry>(factory.CreatePoint(school.Location.Coordinate), NpgsqlDbType.Geometry, ct),
            cancellationToken).ConfigureAwait(false);

        var points = inputs.Points;
        await CopyAsync(conn, $"COPY {s}.screening_nodes (rooms_short, unserved, geom) FROM STDIN (FORMAT BINARY)", Enumerable.Range(0, points.Count),
            async (w, i, ct) =>
            {
                var (x, y) = ServiceSurface.NodeCentre(points.X[i], points.Y[i], options.GridSpacingMetres);
                await w.WriteAsync(inputs.RoomsShort[i], NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await w.WriteAsync(inputs.Unserved[i], NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await w.WriteAsync<Geometry>(factory.CreatePoint(new Coordinate(x, y)), NpgsqlDbType.Geometry, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

        await CopyAsync(conn, $"COPY {s}.screening_parcels (parcel, id, land_use, planned_land_use, owner_type, area_m2, geom) FROM STDIN (FORMAT BINARY)",
            parcels.Select((p, i) => (p, i)),
            async (w, row, ct) =>
            {
                var (p, i) = row;
                await w.WriteAsync(i, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(p.Id, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(p.LandUse, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteTextAsync(w, p.PlannedLandUse, ct).ConfigureAwait(false);
                await WriteTextAsync(w, p.OwnerType, ct).ConfigureAwait(false);
                await w.WriteAsync(p.AreaM2, NpgsqlDbType.Double, ct).ConfigureAwait(false);
                await w.WriteAsync(WithSrid(p.Geometry, srid), NpgsqlDbType.Geometry, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(conn, $"""
            CREATE INDEX ON {s}.screening_wards USING gist (geom);
            CREATE INDEX ON {s}.screening_zones USING gist (geom);
            CREATE INDEX ON {s}.screening_schools USING gist (geom);
            CREATE INDEX ON {s}.screening_level_schools USING gist (geom);
            CREATE INDEX ON {s}.screening_nodes USING gist (geom);
            ANALYZE {s}.screening_params; ANALYZE {s}.screening_owner_values; ANALYZE {s}.screening_wards; ANALYZE {s}.screening_zones;
            ANALYZE {s}.screening_schools; ANALYZE {s}.screening_level_schools; ANALYZE {s}.screening_nodes; ANALYZE {s}.screening_parcels;
            """, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Screens the parcels loaded in <paramref name="schema"/> in one SQL statement: the same single-parcel
    /// candidates as <see cref="ParcelScreener.Screen(IEnumerable{ParcelUnit})"/> with merging off, with scores equal
    /// to within the rounding of the last criterion digit (docs/sites.md).
    /// </summary>
    /// <param name="db">Data source with NetTopologySuite mapping.</param>
    /// <param name="schema">Schema filled by <see cref="LoadAsync"/>.</param>
    /// <param name="top">Candidates to keep, best first (0: all).</param>
    /// <param name="jit">
    /// Let PostgreSQL JIT-compile the statement. Off by default: PERF: its cost estimate passes the JIT thresholds, and
    /// compiling its 340 functions took 3.7 s against 0.2 s of execution on 4,000 parcels (docs/performance.md).
    /// </param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<PostGisScreeningResult> ComputeAsync(NpgsqlDataSource db, string schema, int top, bool jit = false,
        CancellationToken cancellationToken = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(conn, jit ? "SET LOCAL jit = on" : "SET LOCAL jit = off", cancellationToken).ConfigureAwait(false);
        // A city's million parcels take longer than Npgsql's default 30 s; the caller's token cancels instead.
        await using var cmd = new NpgsqlCommand(ScreeningSql.For(SchemaName.Quote(schema)), conn) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter("top", NpgsqlDbType.Integer) { Value = top > 0 ? top : DBNull.Value });
        var rejected = HardConstraintCodes.All.ToDictionary(c => c, _ => 0L);
        var candidates = new List<CandidateSite>();
        long screened = 0, passed = 0;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetInt32(0) == 0)
            {
                var n = reader.GetInt64(2);
                screened += n;
                if (reader.IsDBNull(1))
                {
                    passed = n;
                }
                else
                {
                    var code = reader.GetString(1);
                    rejected[HardConstraintCodes.All.First(c => c.Code() == code)] = n;
                }

                continue;
            }

            var id = reader.GetString(1);
            candidates.Add(new CandidateSite
            {
                Rank = candidates.Count + 1,
                Id = id,
                ParcelIds = [id],
                WardCode = reader.GetString(3),
                WardName = reader.GetString(4),
                UnitType = reader.GetString(5),
                LandUse = reader.GetString(6),
                PlannedLandUse = reader.IsDBNull(7) ? "" : reader.GetString(7),
                OwnerType = reader.IsDBNull(8) ? "" : reader.GetString(8),
                AreaM2 = reader.GetDouble(9),
                MinAreaM2 = reader.GetDouble(10),
                RadiusM = reader.GetDouble(11),
                RoomsShortInRadius = reader.GetDouble(12),
                UnservedInRadius = reader.GetDouble(13),
                NearestSchoolM = reader.IsDBNull(14) ? null : reader.GetDouble(14),
                Breakdown = new ScoreBreakdown(reader.GetDecimal(15), reader.GetDecimal(16), reader.GetDecimal(17), reader.GetDecimal(18), reader.GetDecimal(19)),
                Geometry = reader.GetFieldValue<Geometry>(20),
            });
        }

        await reader.CloseAsync().ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PostGisScreeningResult { Candidates = candidates, ParcelsScreened = screened, ParcelsPassed = passed, RejectedBy = rejected };
    }

    private static async Task CopyAsync<T>(NpgsqlConnection conn, string copy, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        await using var w = await conn.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await write(w, row, cancellationToken).ConfigureAwait(false);
        }

        await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter w, string? value, CancellationToken cancellationToken) =>
        value is null ? w.WriteNullAsync(cancellationToken) : w.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

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
