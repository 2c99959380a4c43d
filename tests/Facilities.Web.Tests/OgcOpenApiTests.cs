using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Facilities.Web.Ogc;
using Microsoft.AspNetCore.Routing;

namespace Facilities.Web.Tests;

/// <summary>
/// The landing page's service-desc (what QGIS's OAPIF provider needs before it opens any layer) and the OpenAPI 3.0
/// document it names, checked against the routes the app really maps and the parameters it really takes.
/// </summary>
public sealed class OgcOpenApiTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Fact]
    public async Task The_landing_page_links_an_openapi_3_document_and_a_readable_page()
    {
        var client = sample.App.Client();
        var (_, landing) = await client.GetJsonAsync("/ogc");
        var links = landing.GetProperty("links").EnumerateArray().ToList();
        var desc = links.Single(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", desc.GetProperty("type").GetString());
        Assert.Equal(sample.App.Address + "/ogc/api", desc.GetProperty("href").GetString());
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "data" && l.GetProperty("type").GetString() == "application/json");

        using var api = await client.GetAsync("/ogc/api", TestContext.Current.CancellationToken);
        Assert.Equal("application/vnd.oai.openapi+json; version=3.0", api.Content.Headers.ContentType!.ToString().Replace(";v", "; v", StringComparison.Ordinal));
        var doc = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.StartsWith("3.0.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(sample.App.Address + "/ogc", doc.GetProperty("servers")[0].GetProperty("url").GetString());

        var doc2 = links.Single(l => l.GetProperty("rel").GetString() == "service-doc");
        Assert.Equal("text/html", doc2.GetProperty("type").GetString());
        var html = await client.GetStringAsync(doc2.GetProperty("href").GetString(), TestContext.Current.CancellationToken);
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            Assert.Contains(WebUtility.HtmlEncode(sample.App.Address + "/ogc" + path.Name), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_ogc_route_is_in_the_openapi_document_and_every_documented_path_is_a_route()
    {
        var routes = ((IEndpointRouteBuilder)sample.App.App).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p == "/ogc" || p.StartsWith("/ogc/", StringComparison.Ordinal))
            .Distinct().ToList();
        var (_, doc) = await sample.App.Client().GetJsonAsync("/ogc/api");
        var documented = doc.GetProperty("paths").EnumerateObject().Select(p => "/ogc" + (p.Name == "/" ? "" : p.Name)).ToList();

        // A documented path with its {parameters} filled in must match exactly one route; every route must be matched.
        var matched = new HashSet<string>();
        foreach (var path in documented)
        {
            var concrete = Regex.Replace(path, "\\{[^}]+\\}", "x");
            var hits = routes.Where(r => RouteRegex(r).IsMatch(concrete)).ToList();
            Assert.True(hits.Count == 1, $"{path} matches routes [{string.Join(", ", hits)}]");
            matched.Add(hits[0]);
        }

        Assert.Empty(routes.Except(matched));
        Assert.Equal(9, routes.Count); // landing, api, api.html, conformance, collections, collection, queryables, items, feature
    }

    [Fact]
    public async Task Every_documented_items_parameter_is_accepted_with_a_value_of_its_type()
    {
        var client = sample.App.Client();
        var (_, doc) = await client.GetJsonAsync("/ogc/api");
        var components = doc.GetProperty("components").GetProperty("parameters");
        var limit = components.GetProperty("limit").GetProperty("schema");
        Assert.Equal(OgcItemsQuery.DefaultLimit, limit.GetProperty("default").GetInt32());
        Assert.Equal(OgcItemsQuery.MaxLimit, limit.GetProperty("maximum").GetInt32());

        var itemPaths = doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.EndsWith("/items", StringComparison.Ordinal)).ToList();
        Assert.Equal(["wards", "schools", "urban_areas", "industrial_zones", "parcels", "deficit", "teachers", "compliance", "compliance_wards", "sites"], itemPaths.Select(p => p.Name.Split('/')[2]));
        foreach (var path in itemPaths)
        {
            var layer = path.Name.Split('/')[2];
            var (_, first) = await client.GetJsonAsync($"/ogc/collections/{layer}/items?limit=1");
            var properties = first.GetProperty("features")[0].GetProperty("properties");
            foreach (var p in path.Value.GetProperty("get").GetProperty("parameters").EnumerateArray())
            {
                var resolved = p.TryGetProperty("$ref", out var r) ? components.GetProperty(r.GetString()!.Split('/')[^1]) : p;
                var name = resolved.GetProperty("name").GetString()!;
                Assert.Equal("form", resolved.GetProperty("style").GetString());
                Assert.False(resolved.GetProperty("explode").GetBoolean());
                var value = name switch
                {
                    "limit" => "5",
                    "offset" => "1",
                    "bbox" => "100,10,110,30",
                    "bbox-crs" or "crs" => "http://www.opengis.net/def/crs/EPSG/0/9210",
                    "datetime" => "2025-09-01T00:00:00Z/..",
                    // A result's run parameters: the last value of an enumeration (thpt, catchment), else the default, true for a flag.
                    _ when OgcResults.IsResult(layer) && OgcResults.Parameters(layer).Contains(name) => RunValue(resolved.GetProperty("schema")),
                    _ => properties.GetProperty(name) is { ValueKind: not JsonValueKind.Null } v ? v.ToString() : null,
                };
                if (value is null)
                {
                    continue;
                }

                var extra = name == "bbox-crs" ? "&bbox=500000,2000000,700000,2500000" : "";
                var (status, body) = await client.GetJsonAsync($"/ogc/collections/{layer}/items?{name}={Uri.EscapeDataString(value)}{extra}");
                Assert.True(status == HttpStatusCode.OK, $"{layer}?{name}={value}: {status} {body}");
                Assert.True(body.GetProperty("numberReturned").GetInt32() > 0, $"{layer}?{name}={value} returned nothing");
            }
        }
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_openapi_crs_and_queryables()
    {
        var (_, body) = await sample.App.Client().GetJsonAsync("/ogc/conformance");
        var classes = body.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(
            [
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            ],
            classes);
        Assert.Equal(GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features.Count,
            (await sample.App.Client().GetJsonAsync("/ogc/collections/wards/items?datetime=2025-09-01")).Body.GetProperty("numberMatched").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await sample.App.Client().GetJsonAsync("/ogc/collections/wards/items?datetime=yesterday")).Status);
    }

    private static string RunValue(JsonElement schema) =>
        schema.TryGetProperty("enum", out var e) ? e[e.GetArrayLength() - 1].GetString()!
        : schema.GetProperty("type").GetString() == "boolean" ? "true"
        : schema.GetProperty("default").ToString();

    private static Regex RouteRegex(string route) =>
        new("^" + Regex.Replace(Regex.Escape(route), "\\\\\\{[^}]+\\}", "[^/]+") + "$", RegexOptions.CultureInvariant);
}
