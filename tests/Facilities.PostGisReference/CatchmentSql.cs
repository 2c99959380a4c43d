namespace Facilities.PostGisReference;

/// <summary>
/// The one SQL statement of the catchment method for one level without capacity limit; the mirror of
/// <c>CatchmentCalculator.ComputeLevel</c> with <c>CapacityLimited = false</c>.
/// </summary>
/// <remarks>
/// How it follows the C# engine (<c>CatchmentLinks</c>, <c>DistanceDecay</c>, <c>E2sfcaAllocator</c>):
/// <list type="bullet">
/// <item>Links: <c>ST_DWithin</c> (GiST index on the points, probed once per school with the largest radius) with
/// the point's radius (by its ward type: phường, xã or
/// đặc khu, loaded per point); the Gaussian
/// weight is computed in float8 with the same operations in the same order, and only links with a positive weight
/// are kept (a school exactly at the radius has weight 0, as in C#).</item>
/// <item>R_j = capacity_j ÷ Σ_i demand_i W_ij (0 when nobody competes); A_i = Σ_j W_ij R_j, which is also the
/// denominator of the allocation a_ij = demand_i W_ij R_j ÷ A_i. A point allocates nothing when A_i = 0 or its
/// demand is at most 1e-9 (the C# epsilon).</item>
/// <item>Unserved at a point: its whole demand when it allocates nothing, else 0. That is Σ_j a_ij = demand in closed
/// form; C# subtracts the shares one by one and keeps max(0, remainder), which leaves rounding noise of about 1e-13
/// pupils. Per ward: pupils = Σ demand, unserved = Σ unserved, allocated = pupils − unserved,
/// accessibility = Σ demand × A ÷ pupils (0 without pupils).</item>
/// <item>Beyond reach: a point without links sends its whole demand to its nearest school (KNN <c>&lt;-&gt;</c>, ties
/// to the lowest school index among the eight nearest: exact unless more than eight schools are at exactly the same
/// distance), which adds it to that school's load; per ward, beyond = Σ demand of such points and
/// far = the same when the level has a school (0 otherwise).</item>
/// <item>Rooms: unserved is rounded half away from zero exactly as <c>Math.Round(x, MidpointRounding.AwayFromZero)</c>
/// (integer part plus one when the fraction is at least 0.5, in float8), classes = (whole + cap − 1) / cap in
/// bigint, rooms = ceil(classes × ratio) in numeric.</item>
/// </list>
/// Sums are taken in whatever order the executor chooses, so figures agree with C# to rounding (about 1e-12
/// relative), not bit for bit. Result: ward rows (kind 0, ward index order) then school rows (kind 1, school index order).
/// </remarks>
internal static class CatchmentSql
{
    /// <summary>The statement for a quoted schema name.</summary>
    public static string For(string s) => $"""
        WITH prm AS MATERIALIZED (
            SELECT level, year, class_cap, room_ratio FROM {s}.catchment_params
        ),
        dist AS MATERIALIZED (
            -- Driven by the schools (10,000 index probes for the points within the largest radius, then each point's own
            -- radius) rather than by the points (640,000 probes): five times faster at national scale.
            SELECT p.point, p.demand, sc.school, ST_Distance(p.geom, sc.geom) / p.radius AS r
            FROM {s}.catchment_schools sc
            JOIN {s}.demand_points p
              ON p.geom && ST_Expand(sc.geom, (SELECT max(radius) FROM {s}.demand_points))
             AND ST_DWithin(p.geom, sc.geom, p.radius)
        ),
        links AS MATERIALIZED (
            SELECT point, demand, school, w
            FROM (SELECT point, demand, school,
                         (exp(-0.5::float8 * r * r) - exp(-0.5::float8)) / (1 - exp(-0.5::float8)) AS w
                  FROM dist
                  OFFSET 0) d
            WHERE w > 0
        ),
        ratio AS MATERIALIZED (
            SELECT sc.school, sc.capacity,
                   CASE WHEN coalesce(c.competing, 0) > 0 THEN sc.capacity / c.competing ELSE 0::float8 END AS r
            FROM {s}.catchment_schools sc
            LEFT JOIN (SELECT school, sum(demand * w) AS competing FROM links GROUP BY school) c ON c.school = sc.school
        ),
        scored AS MATERIALIZED (
            SELECT l.point, l.demand, l.school, l.w * ra.r AS wr
            FROM links l
            JOIN ratio ra ON ra.school = l.school
        ),
        access AS MATERIALIZED (
            SELECT point, sum(wr) AS a FROM scored GROUP BY point
        ),
        linked AS MATERIALIZED (
            SELECT DISTINCT point FROM links
        ),
        beyond AS MATERIALIZED (
            SELECT p.point, p.demand, nn.school
            FROM {s}.demand_points p
            LEFT JOIN LATERAL (
                -- The index's KNN order gives the nearest few; the tie to the lowest index is broken among them (a second
                -- sort key in the KNN's own ORDER BY would turn it into a scan of every school for every point).
                SELECT k.school FROM (
                    SELECT sc.school, sc.geom <-> p.geom AS d FROM {s}.catchment_schools sc ORDER BY sc.geom <-> p.geom LIMIT 8
                ) k ORDER BY k.d, k.school LIMIT 1
            ) nn ON true
            WHERE NOT EXISTS (SELECT 1 FROM linked l WHERE l.point = p.point)
        ),
        loads AS (
            SELECT school, sum(load) AS load
            FROM (SELECT sd.school,
                         CASE WHEN ac.a > 0 AND sd.demand > 1e-9::float8 THEN sd.demand * sd.wr / ac.a ELSE 0::float8 END AS load
                  FROM scored sd
                  JOIN access ac ON ac.point = sd.point
                  UNION ALL
                  SELECT school, demand FROM beyond WHERE school IS NOT NULL) parts
            GROUP BY school
        ),
        point_rows AS (
            SELECT p.ward, p.demand,
                   CASE WHEN coalesce(ac.a, 0) > 0 AND p.demand > 1e-9::float8 THEN 0::float8 ELSE p.demand END AS unserved,
                   coalesce(ac.a, 0) AS a,
                   CASE WHEN b.point IS NOT NULL THEN p.demand ELSE 0::float8 END AS beyond,
                   CASE WHEN b.school IS NOT NULL THEN p.demand ELSE 0::float8 END AS far
            FROM {s}.demand_points p
            LEFT JOIN access ac ON ac.point = p.point
            LEFT JOIN beyond b ON b.point = p.point
        ),
        ward_sums AS (
            SELECT ward, sum(demand) AS pupils, sum(unserved) AS unserved, sum(demand * a) AS access, sum(beyond) AS beyond, sum(far) AS far
            FROM point_rows
            GROUP BY ward
        ),
        ward_rows AS (
            SELECT w.ward, w.code, w.name, w.unit_type,
                   coalesce(ws.pupils, 0) AS pupils,
                   coalesce(ws.unserved, 0) AS unserved,
                   coalesce(ws.beyond, 0) AS beyond,
                   coalesce(ws.far, 0) AS far,
                   CASE WHEN coalesce(ws.pupils, 0) > 0 THEN ws.access / ws.pupils ELSE 0::float8 END AS accessibility,
                   (trunc(coalesce(ws.unserved, 0))
                    + CASE WHEN coalesce(ws.unserved, 0) - trunc(coalesce(ws.unserved, 0)) >= 0.5 THEN 1 ELSE 0 END)::bigint AS unserved_whole
            FROM {s}.catchment_wards w
            LEFT JOIN ward_sums ws ON ws.ward = w.ward
        ),
        rooms AS (
            SELECT ward_code, sum(classrooms)::bigint AS available FROM {s}.catchment_schools GROUP BY ward_code
        )
        SELECT 0 AS kind, wr.ward AS idx, wr.code, wr.name, wr.unit_type,
               wr.pupils, wr.pupils - wr.unserved, wr.unserved, wr.accessibility,
               (wr.unserved_whole + prm.class_cap - 1) / prm.class_cap AS classes,
               ceil(((wr.unserved_whole + prm.class_cap - 1) / prm.class_cap) * prm.room_ratio)::bigint AS rooms_needed,
               coalesce(ro.available, 0) AS rooms_available,
               prm.level, prm.year, wr.beyond, wr.far
        FROM ward_rows wr
        CROSS JOIN prm
        LEFT JOIN rooms ro ON ro.ward_code = wr.code
        UNION ALL
        SELECT 1, ra.school, sc.id, sc.name, sc.ward_code,
               ra.capacity, coalesce(ld.load, 0), NULL, NULL,
               NULL, NULL, sc.classrooms,
               prm.level, prm.year, NULL::float8, NULL::float8
        FROM ratio ra
        JOIN {s}.catchment_schools sc ON sc.school = ra.school
        CROSS JOIN prm
        LEFT JOIN loads ld ON ld.school = ra.school
        ORDER BY 1, 2
        """;
}
