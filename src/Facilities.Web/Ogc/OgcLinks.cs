using System.Text.Json.Nodes;

namespace Facilities.Web.Ogc;

/// <summary>Link objects and the absolute root of /ogc as the client reached it.</summary>
internal static class OgcLinks
{
    /// <summary>OpenAPI 3.0 media type QGIS looks for on the landing page's <c>service-desc</c> link.</summary>
    public const string OpenApiType = "application/vnd.oai.openapi+json;version=3.0";

    /// <summary>http(s)://host[:port][/pathbase]/ogc.</summary>
    public static string Root(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}/ogc";

    public static JsonObject Link(string href, string rel, string type, string title) =>
        new() { ["href"] = href, ["rel"] = rel, ["type"] = type, ["title"] = title };
}
