using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Facilities.Web.Ogc;

/// <summary>
/// <c>/ogc/api.html</c>, the landing page's <c>service-doc</c>: the OpenAPI document as a plain page (paths, what
/// they answer, their parameters), with no script or outside asset so it works offline on the department's network.
/// </summary>
internal static class OgcServiceDoc
{
    public static string Html(JsonObject api)
    {
        var s = new StringBuilder();
        var title = E(api["info"]!["title"]!.GetValue<string>());
        s.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head><body>");
        s.Append("<h1>").Append(title).Append("</h1><p>").Append(E(api["info"]!["description"]!.GetValue<string>())).Append("</p>");
        var root = api["servers"]![0]!["url"]!.GetValue<string>();
        s.Append("<p>OpenAPI 3.0: <a href=\"").Append(E(root)).Append("/api\">").Append(E(root)).Append("/api</a></p>");
        var components = api["components"]!["parameters"]!.AsObject();
        foreach (var (path, item) in api["paths"]!.AsObject())
        {
            var get = item!["get"]!;
            s.Append("<h2><code>GET ").Append(E(root + path)).Append("</code></h2><p>").Append(E(get["summary"]!.GetValue<string>())).Append("</p>");
            if (get["parameters"] is JsonArray parameters)
            {
                s.Append("<ul>");
                foreach (var p in parameters)
                {
                    var resolved = p!["$ref"] is { } r ? components[r.GetValue<string>().Split('/')[^1]]! : p;
                    s.Append("<li><code>").Append(E(resolved["name"]!.GetValue<string>())).Append("</code> (")
                        .Append(E(resolved["in"]!.GetValue<string>())).Append(", ").Append(E(resolved["schema"]!["type"]!.GetValue<string>()))
                        .Append("): ").Append(E(resolved["description"]!.GetValue<string>())).Append("</li>");
                }

                s.Append("</ul>");
            }
        }

        return s.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
