using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using SkiaSharp;

namespace Facilities.Render.Tests;

public class SampleCityMapTests
{
    [Fact]
    public void TheDeficitOfTheSampleCityRendersAsAMapWithEveryWardFilledAndLabelled()
    {
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 40 });
        var model = CityModel.FromLayers(
            city.Layer("wards"), city.Layer("schools"), city.Layer("urban_areas"), city.Layer("industrial_zones"),
            NormsSet.BuiltIn["dependants_per_worker"]);
        var result = AdminDeficitCalculator.Compute(model, NormsSet.BuiltIn, new DeficitOptions(2030) { Levels = ["tieu_hoc"] });
        var wards = model.Wards.ToDictionary(w => w.Code, StringComparer.Ordinal);
        var features = result.Rows.Select(r => new MapFeature(wards[r.WardCode].Area, r.DeficitRooms, r.WardName)).ToList();
        features[0] = features[0] with { Value = null };
        var options = new ChoroplethOptions("Thiếu/thừa phòng học tiểu học năm 2030", "Phòng học thiếu (+) / thừa (−)")
        {
            Subtitle = "Thành phố mẫu (dữ liệu tổng hợp) · phương pháp hành chính",
            Footnotes =
            [
                "Facilities 0.1.0 · " + result.Options.Describe() + " · norms " + result.Norms.Version,
                "Định mức chưa xác nhận / unconfirmed norms: " + string.Join(", ", result.UnconfirmedNormsUsed().Select(n => n.Key)),
            ],
        };

        var map = ChoroplethRenderer.Render(features, options);
        var path = Pixels.SaveArtefact(map.Png, "sample-city-tieu-hoc-2030.png");

        using var image = Pixels.Decode(map.Png);
        Assert.True(File.Exists(path));
        Assert.True(map.LabelsDrawn >= features.Count / 2, $"only {map.LabelsDrawn} of {features.Count} labels fit");
        foreach (var f in features)
        {
            var p = f.Geometry.InteriorPoint;
            var colour = map.Classes.ClassOf(f.Value)?.Color ?? MapColors.NoData;
            var near = SKRect.Create(map.Transform!.ToPixel(p.X, p.Y), SKSize.Empty);
            near.Inflate(30, 30);
            Assert.True(Pixels.Count(image, near, colour) > 0, $"{f.Label} is not filled with its class colour");
        }
    }
}
