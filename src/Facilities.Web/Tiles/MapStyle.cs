using System.Text.Json.Nodes;
using Facilities.Reports.Styles;

namespace Facilities.Web.Tiles;

/// <summary>
/// A MapLibre / Mapbox GL style (version 8, /tiles/style.json) of the layers the map app draws, in its colours
/// (<see cref="MapPalette"/>): the parcel tiles as a vector source (its TileJSON), the wards of one deficit answer and
/// the schools, urban areas and industrial zones as GeoJSON sources from the app's own endpoints. The wards are classed
/// exactly as the app classes that answer. A GL style has no hatch without a sprite image, so no-data wards are grey with
/// a dashed dark-grey outline here (hatched in the app and in the GeoPackage styles).
/// </summary>
internal static class MapStyle
{
    /// <summary>The vector source of the parcel tiles.</summary>
    public const string ParcelSource = "parcels";

    private const string White = "#ffffff";

    /// <summary>
    /// The style of the parcel tiles alone, for QGIS's "Vector Tiles" connection: QGIS 3.22 converts every layer of a
    /// style it is given and applies one without a source-layer to every tile layer, so the GeoJSON layers of the full
    /// style would paint the parcels in ward and area colours there.
    /// </summary>
    public static JsonObject BuildTilesOnly(string baseUrl, int parcelMinZoom)
    {
        var layers = new JsonArray([.. ParcelLayers(parcelMinZoom)]);
        return new JsonObject
        {
            ["version"] = 8,
            ["name"] = "Facilities parcels",
            ["sources"] = new JsonObject { [ParcelSource] = new JsonObject { ["type"] = "vector", ["url"] = baseUrl + "/tiles/parcels.json" } },
            ["layers"] = layers,
        };
    }

    /// <summary>The style; <paramref name="choropleth"/> holds the classes of <paramref name="deficitUrl"/>'s wards.</summary>
    public static JsonObject Build(string baseUrl, int parcelMinZoom, string deficitUrl, WardChoropleth choropleth, IReadOnlyList<string> areaLayers)
    {
        var sources = new JsonObject
        {
            [ParcelSource] = new JsonObject { ["type"] = "vector", ["url"] = baseUrl + "/tiles/parcels.json" },
            ["wards"] = GeoJson(deficitUrl),
        };
        foreach (var name in areaLayers)
        {
            sources[name] = GeoJson($"{baseUrl}/api/layers/{name}");
        }

        var layers = new JsonArray
        {
            Layer("wards-fill", "fill", "wards", new JsonObject
            {
                ["fill-color"] = WardColour(choropleth),
                ["fill-opacity"] = MapPalette.WardFillOpacity,
            }),
            Layer("wards-line", "line", "wards", new JsonObject { ["line-color"] = White, ["line-width"] = 1.2 }),
            Filtered(Layer("wards-no-data-line", "line", "wards", new JsonObject
            {
                ["line-color"] = MapPalette.NoDataLine,
                ["line-width"] = 1.5,
                ["line-dasharray"] = new JsonArray(2, 2),
            }), new JsonArray("==", Get(WardChoropleth.StatusField), WardChoropleth.NoDataCode)),
        };

        foreach (var layer in ParcelLayers(parcelMinZoom))
        {
            layers.Add(layer);
        }

        // Areas as the app's polygonStyle: a 0.25 fill and a dashed 2.5 px outline (dashes in line widths here).
        foreach (var (name, colour, dash) in new[] { ("urban_areas", "orange", new[] { 3.2, 1.6 }), ("industrial_zones", "skyBlue", new[] { 0.8, 1.6 }) })
        {
            if (areaLayers.Contains(name))
            {
                layers.Add(Layer(name + "-fill", "fill", name, new JsonObject { ["fill-color"] = MapPalette.OkabeIto[colour], ["fill-opacity"] = 0.25 }));
                layers.Add(Layer(name + "-line", "line", name, new JsonObject
                {
                    ["line-color"] = MapPalette.OkabeIto[colour],
                    ["line-width"] = 2.5,
                    ["line-dasharray"] = new JsonArray([.. dash.Select(d => (JsonNode)d)]),
                }));
            }
        }

        if (areaLayers.Contains("schools"))
        {
            layers.Add(Layer("schools", "circle", "schools", new JsonObject
            {
                ["circle-color"] = SchoolLoadColour(),
                ["circle-opacity"] = 0.9,
                // The app's schoolRadius: 3 + 1.3 √classrooms, at most 16 px.
                ["circle-radius"] = new JsonArray("min", 16, new JsonArray("+", 3, new JsonArray("*", 1.3,
                    new JsonArray("sqrt", new JsonArray("max", 0, new JsonArray("to-number", Get("classrooms"), 0)))))),
                ["circle-stroke-color"] = "#1a1a1a",
                ["circle-stroke-width"] = 1,
            }));
        }

        return new JsonObject
        {
            ["version"] = 8,
            ["name"] = "Facilities",
            ["metadata"] = new JsonObject
            {
                ["facilities:wards"] = deficitUrl,
                ["facilities:legend"] = new JsonArray([.. choropleth.Categories.Select(c => (JsonNode)new JsonObject { ["colour"] = c.Colour, ["label"] = c.Label })]),
            },
            ["sources"] = sources,
            ["layers"] = layers,
        };
    }

    /// <summary>Parcels as the app draws them: education land (DGD) green, everything else a thin outline.</summary>
    private static JsonObject[] ParcelLayers(int parcelMinZoom)
    {
        var dgd = new JsonArray("==", Get("land_use"), "DGD");
        var green = MapPalette.OkabeIto["green"];
        return
        [
            Tiled(Layer("parcels-fill", "fill", ParcelSource, new JsonObject
            {
                ["fill-color"] = new JsonArray("case", dgd.DeepClone(), green, White),
                ["fill-opacity"] = new JsonArray("case", dgd.DeepClone(), 0.35, 0.05),
            }), parcelMinZoom),
            Tiled(Layer("parcels-line", "line", ParcelSource, new JsonObject
            {
                ["line-color"] = new JsonArray("case", dgd.DeepClone(), green, "rgba(60,60,60,0.6)"),
                ["line-width"] = new JsonArray("case", dgd.DeepClone(), 1.5, 0.6),
            }), parcelMinZoom),
        ];
    }

    /// <summary>The app's ward colour (ramp.js wardColour) as a GL expression: no data, unknown, ≤ 0, then (lower, upper] classes.</summary>
    public static JsonArray WardColour(WardChoropleth choropleth)
    {
        var value = Get(choropleth.Field);
        var expression = new JsonArray(
            "case",
            new JsonArray("==", Get(WardChoropleth.StatusField), WardChoropleth.NoDataCode), MapPalette.NoData,
            new JsonArray("!=", new JsonArray("typeof", value.DeepClone()), "number"), MapPalette.Unknown,
            new JsonArray("<=", value.DeepClone(), 0), MapPalette.NoShortage);
        for (var i = 0; i < choropleth.Classes.Count - 1; i++)
        {
            expression.Add(new JsonArray("<=", value.DeepClone(), choropleth.Classes[i].Upper));
            expression.Add(choropleth.Classes[i].Colour);
        }

        // Above the last class: its colour (the app's colourFor); no class at all: no shortage.
        expression.Add(choropleth.Classes.Count > 0 ? choropleth.Classes[^1].Colour : MapPalette.NoShortage);
        return expression;
    }

    /// <summary>The app's school load colour (pupils / capacity, ramp.js loadClass) as a GL expression.</summary>
    private static JsonArray SchoolLoadColour()
    {
        var load = Get("load_ratio");
        return new JsonArray(
            "case",
            new JsonArray("!=", new JsonArray("typeof", load.DeepClone()), "number"), MapPalette.Unknown,
            new JsonArray("<", load.DeepClone(), 0.8), MapPalette.Cividis4[0],
            new JsonArray("<=", load.DeepClone(), 1.0), MapPalette.Cividis4[1],
            new JsonArray("<=", load.DeepClone(), 1.2), MapPalette.Cividis4[2],
            MapPalette.Cividis4[3]);
    }

    private static JsonObject GeoJson(string url) => new() { ["type"] = "geojson", ["data"] = url };

    private static JsonArray Get(string property) => new("get", property);

    private static JsonObject Layer(string id, string type, string source, JsonObject paint) =>
        new() { ["id"] = id, ["type"] = type, ["source"] = source, ["paint"] = paint };

    private static JsonObject Filtered(JsonObject layer, JsonArray filter)
    {
        layer["filter"] = filter;
        return layer;
    }

    private static JsonObject Tiled(JsonObject layer, int minZoom)
    {
        layer["source-layer"] = ParcelTiles.LayerName;
        layer["minzoom"] = minZoom;
        return layer;
    }
}
