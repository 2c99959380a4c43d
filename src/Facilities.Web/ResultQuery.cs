using System.Globalization;
using Facilities.Core.Schema;

namespace Facilities.Web;

/// <summary>
/// The options of a result request (<c>?level=&amp;year=&amp;method=…</c>), named and defaulted as the CLI's
/// options of the same command (docs/web-api.md). <see cref="Parse"/> gives either the query or a 400 answer.
/// </summary>
internal sealed record ResultQuery(string? Level, int Year, string Method)
{
    public bool TwoSessions { get; init; }

    public bool PublicOnly { get; init; }

    public bool PreschoolByAge { get; init; }

    public bool CapacityLimited { get; init; }

    public double GridMetres { get; init; } = 250;

    public int Top { get; init; } = 100;

    /// <summary>Canonical text of the options (the cache key of the answer).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"level={Level};year={Year};method={Method};two={TwoSessions};public={PublicOnly};age={PreschoolByAge};cap={CapacityLimited};grid={GridMetres};top={Top}");

    public static (ResultQuery? Query, IResult? Error) Parse(IQueryCollection q, int defaultYear, bool levelRequired)
    {
        var level = q["level"].ToString();
        if (level.Length == 0)
        {
            if (levelRequired)
            {
                return (null, ApiError.BadParameter("level", "bắt buộc: " + string.Join(" | ", DatasetSchema.Levels), "required: " + string.Join(" | ", DatasetSchema.Levels)));
            }
        }
        else if (!DatasetSchema.Levels.Contains(level))
        {
            return (null, ApiError.BadParameter("level", $"'{level}' không phải cấp học; dùng " + string.Join(" | ", DatasetSchema.Levels),
                $"'{level}' is not a level; use " + string.Join(" | ", DatasetSchema.Levels)));
        }

        var year = defaultYear;
        if (q["year"].ToString() is { Length: > 0 } y && (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1900 or > 2200))
        {
            return (null, ApiError.BadParameter("year", $"'{y}' không phải năm (1900–2200)", $"'{y}' is not a year (1900–2200)"));
        }

        var method = q["method"].ToString() is { Length: > 0 } m ? m : "admin";
        if (method is not ("admin" or "catchment"))
        {
            return (null, ApiError.BadParameter("method", $"'{method}': dùng admin | catchment", $"'{method}': use admin | catchment"));
        }

        var grid = 250d;
        if (q["gridM"].ToString() is { Length: > 0 } g && (!double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out grid) || grid is < 10 or > 5000))
        {
            return (null, ApiError.BadParameter("gridM", "phải trong 10..5000", "must be 10..5000"));
        }

        var top = 100;
        if (q["top"].ToString() is { Length: > 0 } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top > 100_000))
        {
            return (null, ApiError.BadParameter("top", "phải là số nguyên 0..100000 (0: tất cả)", "must be a whole number 0..100000 (0: all)"));
        }

        var flags = new Dictionary<string, bool>();
        foreach (var name in new[] { "twoSessions", "publicOnly", "preschoolByAge", "capacityLimited" })
        {
            var text = q[name].ToString();
            if (text.Length == 0)
            {
                flags[name] = false;
            }
            else if (text is "true" or "false")
            {
                flags[name] = text == "true";
            }
            else
            {
                return (null, ApiError.BadParameter(name, $"'{text}': dùng true | false", $"'{text}': use true | false"));
            }
        }

        return (new ResultQuery(level.Length == 0 ? null : level, year, method)
        {
            TwoSessions = flags["twoSessions"],
            PublicOnly = flags["publicOnly"],
            PreschoolByAge = flags["preschoolByAge"],
            CapacityLimited = flags["capacityLimited"],
            GridMetres = grid,
            Top = top,
        }, null);
    }
}
