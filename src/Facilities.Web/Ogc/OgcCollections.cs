using System.Text.Json.Nodes;
using Facilities.Web.Endpoints;
using Facilities.Web.Tiles;

namespace Facilities.Web.Ogc;

/// <summary>The collections /ogc serves (the dataset's layers it has, then the results it can compute) and their descriptions.</summary>
internal static class OgcCollections
{
    private static readonly Dictionary<string, (string Vi, string En)> Titles = new(StringComparer.Ordinal)
    {
        ["wards"] = ("Xã, phường, đặc khu", "Wards and communes"),
        ["schools"] = ("Trường học (mỗi cấp một dòng)", "Schools (one row per level)"),
        ["urban_areas"] = ("Khu đô thị mới", "New urban areas"),
        ["industrial_zones"] = ("Khu công nghiệp", "Industrial zones"),
        ["parcels"] = ("Thửa đất", "Land parcels"),
    };

    /// <summary>The collection ids of this dataset, in a fixed order.</summary>
    public static List<string> Ids(DatasetService d) => [.. LayerEndpoints.Whole.Append("parcels").Where(d.HasLayer), .. OgcResults.Ids(d)];

    public static string Title(string id) => Names(id).Vi + " / " + Names(id).En;

    private static (string Vi, string En) Names(string id) => OgcResults.IsResult(id) ? OgcResults.Title(id) : Titles[id];

    public static JsonObject Describe(string root, DatasetService d, ParcelTiles p, string id)
    {
        var result = OgcResults.IsResult(id);
        var extent = new OgcSource(result ? OgcResults.ExtentLayer(id) : id, d, p).Extent();
        var bbox = new JsonArray();
        if (!extent.IsNull)
        {
            bbox.Add(new JsonArray(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY));
        }

        var crs = new JsonArray();
        foreach (var c in OgcCrs.Supported)
        {
            crs.Add(c.Uri);
        }

        var self = $"{root}/collections/{id}";
        var en = Names(id).En;
        var collection = new JsonObject
        {
            ["id"] = id,
            ["title"] = Title(id),
            ["itemType"] = "feature",
            ["crs"] = crs,
            ["storageCrs"] = OgcCrs.Crs84Uri,
            ["extent"] = new JsonObject { ["spatial"] = new JsonObject { ["bbox"] = bbox, ["crs"] = OgcCrs.Crs84Uri } },
            ["links"] = new JsonArray(
                OgcLinks.Link(self, "self", "application/json", en),
                OgcLinks.Link(self + "/items", "items", GeoJson.ContentType, en + " (GeoJSON)"),
                OgcLinks.Link(self + "/queryables", OgcQueryables.Rel, OgcQueryables.ContentType, "queryables")),
        };
        if (result)
        {
            var parameters = string.Join(", ", OgcResults.Parameters(id));
            collection["description"] = $"Kết quả tính theo tham số {parameters} của /api (không có level: mọi cấp) / computed for the /api parameters {parameters} (no level: every level)";
        }

        return collection;
    }
}
