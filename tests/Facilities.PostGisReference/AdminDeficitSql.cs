using Facilities.Core.Schema;

namespace Facilities.PostGisReference;

/// <summary>The one SQL statement of the administrative deficit; the mirror of <c>AdminDeficitCalculator</c>.</summary>
/// <remarks>
/// How it stays equal to the C# engine:
/// <list type="bullet">
/// <item>Area shares are float8 like NTS's: intersection areas over the wards that overlap with a positive area,
/// divided by their sum taken in ward-code order (the C# loop's order, so the float sum is the same), then cast to
/// numeric, which keeps 15 significant digits as C#'s double → decimal conversion does.</item>
/// <item>Everything the C# computes in decimal is numeric here. The phase is rounded to 28 decimal places, the
/// scale of a C# decimal quotient below 1; pupil components are returned rounded to 20 places so they fit a decimal.</item>
/// <item>round(numeric) rounds half away from zero (MidpointRounding.AwayFromZero); classes are
/// (pupils + cap − 1) / cap in bigint arithmetic; rooms are ceil(classes × ratio) in numeric.</item>
/// </list>
/// Parameters: @levels text[], @orders int[] (index in the schema's level order, for sorting), @per_thousand,
/// @ratios, @enrolment, @age_shares numeric[], @caps int[], @subject_norms bigint[], @year int, @public_only bool.
/// </remarks>
internal static class AdminDeficitSql
{
    /// <summary>The statement for a quoted schema name.</summary>
    public static string For(string s)
    {
        var counted = string.Join(" ", DatasetSchema.Levels.Select(l => $"WHEN '{l}' THEN w.pop_{l}"));
        return $"""
            WITH lv AS (
                SELECT * FROM unnest(@levels, @orders, @per_thousand, @caps, @ratios, @enrolment, @age_shares, @subject_norms)
                    AS t(level, ord, per_thousand, cap, ratio, enrolment, age_share, subject_norm)
            ),
            parts AS (
                SELECT g.kind, g.id, w.code AS ward_code, ST_Area(ST_Intersection(w.geom, g.geom)) AS area
                FROM {s}.growth_areas g
                JOIN {s}.wards w ON ST_Intersects(w.geom, g.geom)
            ),
            shares AS (
                SELECT kind, id, ward_code,
                       (area / sum(area) OVER (PARTITION BY kind, id ORDER BY ward_code COLLATE "C"
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))::numeric AS share
                FROM parts
                WHERE area > 0
            ),
            growth AS (
                SELECT kind, id, residents * CASE
                           WHEN start_year IS NULL OR completion_year IS NULL THEN 1::numeric
                           WHEN @year < start_year THEN 0::numeric
                           WHEN @year >= completion_year OR completion_year <= start_year THEN 1::numeric
                           ELSE round((@year - start_year)::numeric(60, 30) / (completion_year - start_year), 28)
                       END AS residents_now
                FROM {s}.growth_areas
            ),
            growth_pupils AS (
                SELECT sh.ward_code, lv.level,
                       sum(gr.residents_now * lv.per_thousand / 1000 * sh.share) FILTER (WHERE gr.kind = 'urban_area') AS urban,
                       sum(gr.residents_now * lv.per_thousand / 1000 * sh.share) FILTER (WHERE gr.kind = 'industrial_zone') AS industrial
                FROM shares sh
                JOIN growth gr ON gr.kind = sh.kind AND gr.id = sh.id
                CROSS JOIN lv
                GROUP BY sh.ward_code, lv.level
            ),
            school_totals AS (
                SELECT sc.ward_code, sc.level,
                       count(*)::int AS schools,
                       sum(sc.classrooms)::bigint AS rooms_available,
                       sum(coalesce(sc.subject_rooms, 0))::bigint AS subject_available,
                       -- a school with unknown subject rooms stays unknown, as in AdminDeficitCalculator
                       coalesce(sum(greatest(0, lv.subject_norm - sc.subject_rooms)), 0)::bigint AS subject_deficit,
                       (count(*) FILTER (WHERE sc.subject_rooms IS NOT NULL))::int AS subject_known,
                       (count(*) FILTER (WHERE sc.subject_rooms IS NULL))::int AS subject_unknown
                FROM {s}.schools sc
                JOIN lv ON lv.level = sc.level
                WHERE NOT @public_only OR sc.is_public
                GROUP BY sc.ward_code, sc.level
            ),
            residents AS (
                SELECT w.code, w.name, w.unit_type, lv.level, lv.ord, lv.cap, lv.ratio, lv.subject_norm,
                       (CASE lv.level {counted} END) AS counted,
                       coalesce((CASE lv.level {counted} END)::numeric, w.population * lv.age_share) AS school_age,
                       coalesce((CASE lv.level {counted} END)::numeric, w.population * lv.age_share) * lv.enrolment AS resident,
                       coalesce(gp.urban, 0) AS urban,
                       coalesce(gp.industrial, 0) AS industrial
                FROM {s}.wards w
                CROSS JOIN lv
                LEFT JOIN growth_pupils gp ON gp.ward_code = w.code AND gp.level = lv.level
            ),
            pupils AS (
                SELECT r.*, round(r.resident + r.urban + r.industrial)::bigint AS pupils
                FROM residents r
            ),
            classes AS (
                SELECT p.*, (p.pupils + p.cap - 1) / p.cap AS classes
                FROM pupils p
            )
            SELECT c.code, c.name, c.unit_type, c.level,
                   c.school_age,
                   CASE WHEN c.counted IS NULL THEN 'age_share' ELSE 'data' END,
                   c.resident,
                   round(c.urban, 20),
                   round(c.industrial, 20),
                   c.pupils,
                   c.cap,
                   c.classes,
                   c.ratio,
                   ceil(c.classes * c.ratio)::bigint,
                   coalesce(st.rooms_available, 0),
                   coalesce(st.schools, 0),
                   c.subject_norm * coalesce(st.subject_known, 0),
                   coalesce(st.subject_available, 0),
                   coalesce(st.subject_deficit, 0),
                   coalesce(st.subject_unknown, 0)
            FROM classes c
            LEFT JOIN school_totals st ON st.ward_code = c.code AND st.level = c.level
            ORDER BY c.code COLLATE "C", c.ord
            """;
    }
}
