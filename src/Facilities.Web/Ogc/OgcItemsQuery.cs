using System.Globalization;

namespace Facilities.Web.Ogc;

/// <summary>
/// The query parameters of <c>/ogc/collections/{id}/items</c>, checked: a parameter the app does not know, a CRS it
/// does not serve or a malformed value is a 400 naming what is accepted, never silently ignored.
/// </summary>
internal sealed record OgcItemsQuery(int Limit, int Offset, OgcBox? Box, OgcCrs Crs, IReadOnlyList<OgcFilter> Filters)
{
    /// <summary>Features on a page when the request gives no <c>limit</c> (also in the OpenAPI document, where QGIS reads it).</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page; a larger <c>limit</c> is lowered to it, as OGC API – Features Part 1 allows.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Parameters every items request takes besides the collection's queryables.</summary>
    public static readonly IReadOnlyList<string> Standard = ["limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "f"];

    /// <summary>Reads the request; on a bad parameter returns null and the 400 to answer in <paramref name="error"/>.</summary>
    public static OgcItemsQuery? Parse(IQueryCollection q, OgcSource source, out IResult? error)
    {
        error = null;
        var fields = source.Fields;
        var run = source.Parameters;
        var unknown = q.Keys.FirstOrDefault(k => !Standard.Contains(k) && !run.Contains(k) && !fields.Any(f => f.Name == k));
        if (unknown is not null)
        {
            var known = string.Join(", ", Standard.Concat(run).Concat(fields.Select(f => f.Name)).Distinct());
            error = ApiError.BadParameter(unknown, $"không có tham số này cho {source.Id}; các tham số: {known}.", $"not a parameter of {source.Id}; parameters: {known}.");
            return null;
        }

        var limit = DefaultLimit;
        if (q["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            error = ApiError.BadParameter("limit", $"số nguyên 1..{MaxLimit}", $"a whole number 1..{MaxLimit}");
            return null;
        }

        var offset = 0;
        if (q["offset"].ToString() is { Length: > 0 } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            error = ApiError.BadParameter("offset", "số nguyên không âm", "a whole number, 0 or more");
            return null;
        }

        var crs = ParseCrs(q, "crs", ref error);
        var boxCrs = ParseCrs(q, "bbox-crs", ref error);
        if (error is not null)
        {
            return null;
        }

        OgcBox? box = null;
        if (q["bbox"].ToString() is { Length: > 0 } b && (box = OgcBox.Parse(b, boxCrs!)) is null)
        {
            var order = boxCrs!.LatitudeFirst ? "minLat,minLon,maxLat,maxLon" : boxCrs.Definition.IsGeographic ? "minLon,minLat,maxLon,maxLat" : "minE,minN,maxE,maxN";
            error = ApiError.BadParameter("bbox", $"4 số {order} theo {boxCrs.Uri}", $"4 numbers {order} in {boxCrs.Uri}");
            return null;
        }

        if (box is null && q.ContainsKey("bbox-crs"))
        {
            error = ApiError.BadParameter("bbox-crs", "chỉ dùng kèm bbox", "only with bbox");
            return null;
        }

        if (q["f"].ToString() is { Length: > 0 } format && format is not ("json" or "geojson"))
        {
            error = ApiError.BadParameter("f", "chỉ có json (GeoJSON)", "only json (GeoJSON)");
            return null;
        }

        if (q["datetime"].ToString() is { Length: > 0 } when && !OgcDatetime.IsValid(when))
        {
            error = ApiError.BadParameter("datetime", "thời điểm hoặc khoảng RFC 3339 (vd. 2025-09-01T00:00:00Z/..)", "an RFC 3339 instant or interval (e.g. 2025-09-01T00:00:00Z/..)");
            return null;
        }

        var filters = new List<OgcFilter>();
        // A result's run parameters (level, year, method…) chose the rows already: they are not filters again.
        foreach (var field in fields.Where(f => q.ContainsKey(f.Name) && !run.Contains(f.Name)))
        {
            var text = q[field.Name].ToString();
            if (OgcFilter.Parse(field, text) is not { } filter)
            {
                var type = field.Type == Core.Features.FieldType.Integer ? ("số nguyên", "a whole number") : ("số", "a number");
                error = ApiError.BadParameter(field.Name, $"'{text}' không phải {type.Item1}", $"'{text}' is not {type.Item2}");
                return null;
            }

            filters.Add(filter);
        }

        return new OgcItemsQuery(Math.Min(limit, MaxLimit), offset, box, crs!, filters);
    }

    /// <summary>The CRS a <c>crs</c> or <c>bbox-crs</c> parameter names (CRS84 when absent); sets a 400 listing the supported ones when unknown.</summary>
    public static OgcCrs? ParseCrs(IQueryCollection q, string name, ref IResult? error)
    {
        if (q[name].ToString() is not { Length: > 0 } text)
        {
            return OgcCrs.Crs84;
        }

        if (OgcCrs.Parse(text) is { } crs)
        {
            return crs;
        }

        error ??= ApiError.BadParameter(name, $"hệ tọa độ '{text}' không được hỗ trợ; các hệ: {OgcCrs.SupportedList}.", $"CRS '{text}' is not supported; supported: {OgcCrs.SupportedList}.");
        return null;
    }
}
