using System.Text.Json;
using Facilities.Web.Tiles;

namespace Facilities.Web.Ogc;

/// <summary>The features of a collection: a page of them (<c>/items</c>) or one (<c>/items/{featureId}</c>).</summary>
internal static class OgcItems
{
    public static IResult Page(string id, HttpRequest r, DatasetService d, ParcelTiles p)
    {
        if (Source(id, r, d, p, out var sourceError) is not { } source)
        {
            return sourceError!;
        }

        if (OgcItemsQuery.Parse(r.Query, source, out var error) is not { } q)
        {
            return error!;
        }

        var matched = source.Matching(q.Box, q.Filters);
        var page = matched.Skip(q.Offset).Take(q.Limit).ToList();
        var self = $"{OgcLinks.Root(r)}/collections/{id}/items";
        var bytes = GeoJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("numberMatched", matched.Count);
            w.WriteNumber("numberReturned", page.Count);
            w.WriteStartArray("links");
            WriteLink(w, PageLink(self, r.Query, q.Limit, q.Offset), "self");
            if (q.Offset + page.Count < matched.Count)
            {
                WriteLink(w, PageLink(self, r.Query, q.Limit, q.Offset + page.Count), "next");
            }

            if (q.Offset > 0)
            {
                WriteLink(w, PageLink(self, r.Query, q.Limit, Math.Max(0, q.Offset - q.Limit)), "prev");
            }

            w.WriteEndArray();
            if (source.Table is { } table)
            {
                // The stamps of the run(s), with the keys of <file>.stamp.json (one per level when every level was computed).
                w.WriteStartArray("stamps");
                foreach (var stamp in table.Stamps)
                {
                    w.WriteStartObject();
                    Facilities.Reports.Results.ResultGeoJson.StampProperties(w, stamp);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("features");
            foreach (var i in page)
            {
                source.Write(w, i, q.Crs);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        r.HttpContext.Response.Headers["Content-Crs"] = q.Crs.Header;
        return Results.Bytes(bytes, GeoJson.ContentType);
    }

    public static IResult One(string id, string featureId, HttpRequest r, DatasetService d, ParcelTiles p)
    {
        if (Source(id, r, d, p, out var sourceError) is not { } source)
        {
            return sourceError!;
        }

        var unknown = r.Query.Keys.FirstOrDefault(k => k is not ("crs" or "f") && !source.Parameters.Contains(k));
        if (unknown is not null)
        {
            return source.Table is null
                ? ApiError.BadParameter(unknown, "một đối tượng chỉ nhận crs", "one feature takes only crs")
                : ApiError.BadParameter(unknown, "một đối tượng chỉ nhận crs và " + string.Join(", ", source.Parameters), "one feature takes only crs and " + string.Join(", ", source.Parameters));
        }

        IResult? error = null;
        var crs = OgcItemsQuery.ParseCrs(r.Query, "crs", ref error);
        if (crs is null)
        {
            return error!;
        }

        var index = source.Find(featureId);
        if (index < 0)
        {
            return ApiError.NotFound($"không có đối tượng '{featureId}' trong {id}.", $"no feature '{featureId}' in {id}.");
        }

        r.HttpContext.Response.Headers["Content-Crs"] = crs.Header;
        return Results.Bytes(GeoJson.Document(w => source.Write(w, index, crs)), GeoJson.ContentType);
    }

    /// <summary>
    /// The features of collection <paramref name="id"/>: a dataset layer, or a result computed for the request's run
    /// parameters (/api's names and defaults); null with the 404 or 400 to answer.
    /// </summary>
    public static OgcSource? Source(string id, HttpRequest r, DatasetService d, ParcelTiles p, out IResult? error)
    {
        error = null;
        if (!OgcCollections.Ids(d).Contains(id))
        {
            error = OgcEndpoints.NoCollection(id);
            return null;
        }

        if (!OgcResults.IsResult(id))
        {
            return new OgcSource(id, d, p);
        }

        var (query, queryError) = ResultQuery.Parse(r.Query, Endpoints.MetaEndpoints.BaseYear, false);
        if (queryError is not null)
        {
            error = queryError;
            return null;
        }

        return new OgcSource(id, d, p, OgcResults.Table(d, id, query!));
    }

    /// <summary>The same request (filters, bbox, crs kept) at another offset.</summary>
    private static string PageLink(string self, IQueryCollection query, int limit, int offset)
    {
        var parts = query.Where(kv => kv.Key is not ("limit" or "offset"))
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value.ToString()))
            .Prepend($"offset={offset}").Prepend($"limit={limit}");
        return self + "?" + string.Join('&', parts);
    }

    private static void WriteLink(Utf8JsonWriter w, string href, string rel)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        w.WriteString("type", GeoJson.ContentType);
        w.WriteEndObject();
    }
}
