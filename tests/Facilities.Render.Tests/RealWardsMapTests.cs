using Facilities.Application.Import;
using Facilities.Core.Validation;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.Render.Tests;

/// <summary>
/// Issue 13 on the real 114 Hải Phòng wards (skipped when ../shared/data/haiphong is absent): every ward of the main
/// map is either named inside its own polygon or numbered and listed in the key, no two texts overlap, and the classes
/// spread the wards instead of putting most of them in one colour.
/// </summary>
public sealed class RealWardsMapTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private List<MapFeature> Wards()
    {
        var dataset = _dir.File("hp.gpkg");
        DatasetImporter.Import(new ImportRequest(SharedData.HaiPhong("communes_2025.geojson"), "wards", dataset));
        var layer = GeoPackageDataset.ReadLayer(dataset, "wards")!;
        var utm = Facilities.Core.Spatial.CrsRegistry.Get(32648);
        // Residents in thousands: 0 to 161, most wards between 20 and 50, a long tail of large urban wards.
        return [.. layer.Features.Select(f => new MapFeature(
            Facilities.Core.Spatial.Reprojector.Transform(f.Geometry!, layer.Crs!, utm), Math.Round(Convert.ToDouble(f["population"], System.Globalization.CultureInfo.InvariantCulture) / 1000), (string)f["name"]!))];
    }

    [Fact]
    public void EveryRealWardIsNamedInsideItsPolygonOrNumberedWithItsNameInTheKeyAndNoTextsOverlap()
    {
        var features = Wards();
        var map = ChoroplethRenderer.Render(features, new ChoroplethOptions("Dân số 2025", "Nghìn người") { Diverging = false });
        Pixels.SaveArtefact(map.Png, "real-wards-population.png");

        var inInsets = map.Insets.Sum(i => i.Features.Count);
        Assert.Equal(114, features.Count);
        Assert.Equal(114 - inInsets, map.Labels.Count + map.Key.Count);
        Assert.All(map.Key, k => Assert.True(k.OnMap, $"number {k.Number} ({k.Name}) found no free spot"));
        Assert.Equal(Enumerable.Range(1, map.Key.Count), map.Key.Select(k => k.Number));
        Assert.All(map.Labels, l => Assert.InRange(l.Size, LabelPainter.MinLabelSize, LabelPainter.LabelSize));

        var font = MapFonts.Create(KeyNumberPainter.NumberSize * map.Layout.Unit, bold: true);
        var boxes = map.Labels.Select(l => l.Box)
            .Concat(map.Key.Select(k =>
            {
                var w = font.MeasureText(k.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return SkiaSharp.SKRect.Create(k.Position.X - (w / 2), k.Position.Y - 6, w, 12);
            })).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.True(map.Layout.MapFrame.Contains(boxes[i]), $"text {i} leaves the map frame");
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].IntersectsWith(boxes[j]), $"texts {i} and {j} overlap");
            }
        }

        // The key lies outside the map, and holds every numbered name once.
        Assert.False(map.KeyBox.IntersectsWith(map.Layout.MapFrame));
        Assert.Equal(map.Key.Count, map.Key.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public void NaturalBreaksAndQuantilesSpreadTheRealWardsThatEqualStepsPutInOneClass()
    {
        var features = Wards();

        var jenks = ChoroplethRenderer.Render(features, new ChoroplethOptions("Mật độ", "Người/km²") { Diverging = false });
        var equal = ChoroplethRenderer.Render(features, new ChoroplethOptions("Mật độ", "Người/km²") { Diverging = false, ClassMethod = ClassMethod.Equal });
        var quantile = ChoroplethRenderer.Render(features, new ChoroplethOptions("Mật độ", "Người/km²") { Diverging = false, ClassMethod = ClassMethod.Quantile });

        // Equal steps of 50 000 put 95 wards (those of up to 50 000 people, counted in the data) in the lowest class: the skew
        // the issue reports (88 of 114 in one colour). Natural breaks use all five classes and hold about half at most.
        Assert.Equal(95, equal.Classes.Classes[0].Count);
        Assert.Equal(5, jenks.Classes.Classes.Count(c => c.Count > 0));
        Assert.True(jenks.Classes.Classes.Max(c => c.Count) < 64, string.Join(", ", jenks.Classes.Classes.Select(c => c.Count)));
        Assert.All(quantile.Classes.Classes, c => Assert.InRange(c.Count, 114 / 5 - 3, 114 / 5 + 3));
        Assert.Equal(114, jenks.Classes.Classes.Sum(c => c.Count));
    }

    [Fact]
    public void TheLegendNamesTheClassingInTheSheetsLanguageAndWritesLimitsTheVietnameseWay()
    {
        var values = new double?[] { 120, 950, 1800, 2600, 15000, 21000, 32000, null };
        var vi = Classification.Create(values, false, ClassMethod.Jenks, (x, d) => MapText.Number(x, d, Language.Vi));
        var en = Classification.Create(values, false, ClassMethod.Jenks, (x, d) => MapText.Number(x, d, Language.En));

        Assert.Equal("Phân loại: ngắt tự nhiên (Jenks)", MapText.Classes(vi.Method, Language.Vi));
        Assert.Equal("Classes: natural breaks (Jenks)", MapText.Classes(en.Method, Language.En));
        // By hand: 7 values in 5 classes merge the two cheapest disjoint pairs, (120, 950) costing 830²/2 and (1800, 2600)
        // 800²/2, so {120, 950} {1800, 2600} {15000} {21000} {32000}; the roundest numbers in the gaps are 1000, 10000,
        // 20000 and 30000.
        Assert.Equal(["≤ 1.000", "1.001 … 10.000", "10.001 … 20.000", "20.001 … 30.000", "≥ 30.001"], vi.Classes.Select(c => c.Label));
        Assert.Equal(["≤ 1,000", "1,001 … 10,000", "10,001 … 20,000", "20,001 … 30,000", "≥ 30,001"], en.Classes.Select(c => c.Label));
    }
}
