using System.Globalization;
using System.Text.Json;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tests;

/// <summary>
/// The running app as the department's GIS technicians open it: QGIS's own OAPIF provider (not GDAL), headless
/// (python3-qgis, QT_QPA_PLATFORM=offscreen), reading every collection, paging the parcels past one page and
/// asking for a bbox. Skips when python3-qgis is absent, fails instead under FACILITIES_REQUIRE_TOOLS=1.
/// </summary>
public sealed class OapifQgisTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    private static readonly string[] Layers = ["wards", "schools", "urban_areas", "industrial_zones", "parcels"];

    [Fact]
    public void Qgis_loads_every_collection_with_all_its_features_and_filters_parcels_by_bbox()
    {
        var parcels = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "parcels")!.Features;
        var extent = new Envelope();
        parcels.ForEach(p => extent.ExpandToInclude(p.Geometry!.EnvelopeInternal));
        // The south-west half of the parcels' extent: more than one of QGIS's pages, fewer than all parcels.
        var box = new Envelope(extent.MinX, extent.Centre.X + (extent.Width / 8), extent.MinY, extent.MaxY);
        var inside = parcels.Count(p => p.Geometry!.EnvelopeInternal.Intersects(box));

        var result = RunQgis(sample.App.Address, "parcels", box);
        foreach (var name in Layers)
        {
            var layer = result.GetProperty("layers").GetProperty(name);
            Assert.True(layer.GetProperty("valid").GetBoolean(), $"QGIS rejected {name}: {layer}");
            var expected = GeoPackageDataset.ReadLayer(SharedData.SampleCity, name)!.Features.Count;
            Assert.Equal(expected, layer.GetProperty("read").GetInt32());
            Assert.Equal(expected, layer.GetProperty("distinct").GetInt32());
            Assert.Equal("EPSG:4326", layer.GetProperty("crs").GetString());
        }

        // QGIS pages at min(its 1,000, the API's maximum): 3,000 parcels take three pages, the bbox over 1,000 two.
        Assert.Equal(3000, parcels.Count);
        Assert.InRange(inside, 1001, parcels.Count - 1);
        var bbox = result.GetProperty("layers").GetProperty("parcels");
        Assert.Equal(inside, bbox.GetProperty("bbox_read").GetInt32());
        Assert.Equal(inside, bbox.GetProperty("bbox_distinct").GetInt32());
        Assert.Equal(["id", "land_use", "area_m2"], bbox.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    private static JsonElement RunQgis(string address, string bboxLayer, Envelope box)
    {
        var rect = string.Join(',', new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return QgisScript.Run(QgisScript.In("Facilities.Web.Tests", "oapif_check.py"), [address, bboxLayer, rect, .. Layers]);
    }
}
