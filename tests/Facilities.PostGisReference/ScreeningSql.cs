namespace Facilities.PostGisReference;

/// <summary>
/// The one SQL statement of the parcel screening (single parcels; no merged sites); the mirror of
/// <c>ParcelScreener</c> over the tables <see cref="PostGisScreening.LoadAsync"/> fills.
/// </summary>
/// <remarks>
/// How it follows the C# engine (docs/sites.md):
/// <list type="bullet">
/// <item>The hard constraints are one CASE in the C# test order, so the first failure is the one the in-memory
/// result counts, and PostgreSQL evaluates the later (costlier) tests only for parcels that passed the earlier ones:
/// area (against the minimum of the ward containing the centroid, lowest ward index on a shared boundary; outside
/// every ward, rural), land use (codes trimmed and upper-cased), industrial zones (<c>ST_Distance</c> &lt; minimum,
/// as the C# facet distance; 0 inside), school sites (<c>ST_Relate 'T********'</c> with a site polygon,
/// <c>ST_Intersects</c> with a point school), width (2 × <c>ST_MaximumInscribedCircle</c> radius).</item>
/// <item>Score: the same five fractions as <c>SiteScorer</c>, each clamped to [0, 1] (0/0 counts as 0), × the
/// weight in numeric, rounded to 0.001 half away from zero (numeric round). Rooms short and unserved pupils are the
/// sums of the demand-grid values placed on lattice nodes whose centre is within the radius of the parcel's
/// centroid (<c>ST_DWithin</c>, ≤), as <c>ServiceSurface</c> sums them; the nearest school of the level by KNN
/// (<c>&lt;-&gt;</c>, exact for points).</item>
/// </list>
/// Result: kind 0 rows (first failure code or NULL for passed, count), then kind 1 rows, the candidates in ranking
/// order (score descending, then id in byte order), at most @top of them (NULL: all).
/// </remarks>
internal static class ScreeningSql
{
    /// <summary>The statement for a quoted schema name; one parameter, @top (integer, NULL for all).</summary>
    public static string For(string s) => $"""
        WITH prm AS MATERIALIZED (
            SELECT * FROM {s}.screening_params
        ),
        tested AS MATERIALIZED (
            SELECT p.parcel, p.id, p.land_use, p.planned_land_use, p.owner_type, p.area_m2, p.geom,
                CASE
                    WHEN p.area_m2 < least(prm.min_area_rural, prm.min_area_urban)
                      OR (p.area_m2 < greatest(prm.min_area_rural, prm.min_area_urban)
                          AND p.area_m2 < CASE WHEN coalesce((SELECT w.urban FROM {s}.screening_wards w
                                                              WHERE ST_Intersects(w.geom, ST_Centroid(p.geom))
                                                              ORDER BY w.ward LIMIT 1), false)
                                               THEN prm.min_area_urban ELSE prm.min_area_rural END)
                        THEN 'area'
                    WHEN NOT coalesce(
                            upper(btrim(p.land_use)) = 'DGD'
                         OR upper(btrim(p.planned_land_use)) = 'DGD'
                         OR (upper(btrim(p.land_use)) = ANY (prm.convertible) AND p.owner_type = 'state')
                         OR (prm.allow_residential AND upper(btrim(p.land_use)) IN ('ODT', 'ONT')), false)
                        THEN 'land_use'
                    WHEN EXISTS (SELECT 1 FROM {s}.screening_zones z
                                 WHERE z.geom && ST_Expand(p.geom, prm.min_industrial_m)
                                   AND ST_Distance(z.geom, p.geom) < prm.min_industrial_m)
                        THEN 'industrial_distance'
                    WHEN EXISTS (SELECT 1 FROM {s}.screening_schools sc
                                 WHERE sc.geom && p.geom
                                   AND CASE WHEN sc.is_point THEN ST_Intersects(p.geom, sc.geom)
                                            ELSE ST_Relate(p.geom, sc.geom, 'T********') END)
                        THEN 'school_overlap'
                    WHEN 2 * (ST_MaximumInscribedCircle(p.geom)).radius < prm.min_width_m
                        THEN 'width'
                END AS failed
            FROM {s}.screening_parcels p
            CROSS JOIN prm
        ),
        passed AS MATERIALIZED (
            SELECT t.*, c.centroid, w.code, w.name, w.unit_type, coalesce(w.urban, false) AS urban
            FROM tested t
            CROSS JOIN LATERAL (SELECT ST_Centroid(t.geom) AS centroid) c
            LEFT JOIN LATERAL (SELECT w.code, w.name, w.unit_type, w.urban FROM {s}.screening_wards w
                               WHERE ST_Intersects(w.geom, c.centroid) ORDER BY w.ward LIMIT 1) w ON true
            WHERE t.failed IS NULL
        ),
        measured AS MATERIALIZED (
            SELECT pa.*, r.radius, r.min_area,
                greatest(0::float8, coalesce((SELECT sum(n.rooms_short) FROM {s}.screening_nodes n
                                              WHERE ST_DWithin(n.geom, pa.centroid, r.radius)), 0)) AS rooms,
                greatest(0::float8, coalesce((SELECT sum(n.unserved) FROM {s}.screening_nodes n
                                              WHERE ST_DWithin(n.geom, pa.centroid, r.radius)), 0)) AS unserved,
                (SELECT ST_Distance(ls.geom, pa.centroid) FROM {s}.screening_level_schools ls
                 ORDER BY ls.geom <-> pa.centroid LIMIT 1) AS nearest,
                coalesce((SELECT o.value FROM {s}.screening_owner_values o WHERE o.owner_type = pa.owner_type), 0) AS land
            FROM passed pa
            CROSS JOIN prm
            CROSS JOIN LATERAL (SELECT CASE WHEN pa.urban THEN prm.radius_urban ELSE prm.radius_rural END AS radius,
                                       CASE WHEN pa.urban THEN prm.min_area_urban ELSE prm.min_area_rural END AS min_area) r
        ),
        fractions AS (
            SELECT m.*,
                CASE WHEN m.rooms + prm.reference_rooms > 0 THEN m.rooms / (m.rooms + prm.reference_rooms) ELSE 0 END AS f_rooms,
                CASE WHEN m.unserved + prm.reference_pupils > 0 THEN m.unserved / (m.unserved + prm.reference_pupils) ELSE 0 END AS f_unserved,
                CASE WHEN m.nearest IS NULL THEN 1
                     WHEN m.radius > 0 THEN m.nearest / m.radius
                     WHEN m.nearest > 0 THEN 1 ELSE 0 END AS f_distance,
                CASE WHEN m.min_area > 0 THEN m.area_m2 / m.min_area - 1
                     WHEN m.area_m2 > 0 THEN 1 ELSE 0 END AS f_area
            FROM measured m
            CROSS JOIN prm
        ),
        scored AS (
            SELECT f.*,
                round(prm.w_rooms_short * least(1, greatest(0, f.f_rooms))::numeric, 3) AS s_rooms,
                round(prm.w_unserved_pupils * least(1, greatest(0, f.f_unserved))::numeric, 3) AS s_unserved,
                round(prm.w_school_distance * least(1, greatest(0, f.f_distance))::numeric, 3) AS s_distance,
                round(prm.w_land_status * least(1, greatest(0, f.land)), 3) AS s_land,
                round(prm.w_area_margin * least(1, greatest(0, f.f_area))::numeric, 3) AS s_area
            FROM fractions f
            CROSS JOIN prm
        )
        SELECT 0 AS kind, failed AS id, count(*) AS n,
               NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
               NULL::float8, NULL::float8, NULL::float8, NULL::float8, NULL::float8, NULL::float8,
               NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric, NULL::geometry
        FROM tested
        GROUP BY failed
        UNION ALL
        (SELECT 1, sc.id, sc.parcel,
               coalesce(sc.code, ''), coalesce(sc.name, ''), coalesce(sc.unit_type, ''), sc.land_use, sc.planned_land_use, sc.owner_type,
               sc.area_m2, sc.min_area, sc.radius, sc.rooms, sc.unserved, sc.nearest,
               sc.s_rooms, sc.s_unserved, sc.s_distance, sc.s_land, sc.s_area, sc.geom
        FROM scored sc
        ORDER BY sc.s_rooms + sc.s_unserved + sc.s_distance + sc.s_land + sc.s_area DESC, sc.id COLLATE "C", sc.parcel
        LIMIT @top)
        """;
}
