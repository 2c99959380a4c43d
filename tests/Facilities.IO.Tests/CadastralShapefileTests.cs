using System.Globalization;
using Facilities.Application.Import;
using Facilities.Core.Import;
using Facilities.Core.Validation;
using Facilities.Formats.Readers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests;

/// <summary>
/// A cadastral shapefile as the land registry exports it: written by GDAL's ogr2ogr in VN-2000 / EPSG:9210 with the
/// ESRI .prj GDAL writes, CamelCase .dbf names, parcel numbers that restart on each map sheet, numeric sheet and
/// parcel numbers, and the owner codes of the land statistics standard.
/// </summary>
public sealed class CadastralShapefileTests : IDisposable
{
    private const double ToleranceMetres = 0.01;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // (sheet, parcel, land use, planned land use, owner code, expected owner_type), each a 20 m × 30 m rectangle
    // in Hải An; sheets 12 and 13 both number their parcels 1, 2, 3.
    private static readonly (int Sheet, int Parcel, string Use, string Planned, string Owner, string OwnerType)[] Parcels =
    [
        (12, 1, "ODT", "ODT", "GDC", "household"),
        (12, 2, "DGD", "DGD", "UBS", "state"),
        (12, 3, "SKC", "DGD", "TKT", "organisation"),
        (13, 1, "ODT", "ODT", "TCN", "state"),
        (13, 2, "LUC", "DGD", "CDS", "organisation"),
        (13, 3, "DHT", "DHT", "UBQ", "state"),
    ];

    [Fact]
    public void ParcelsGetSheetAndNumberIdsOwnerTypesAndKeepEverySourceField()
    {
        var shp = RegistryShapefile();

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "parcels", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items.Select(i => i.Render(Language.En))));
        Assert.Equal(9210, outcome.SourceCrs!.Srid);
        var features = outcome.Layer.Features;
        Assert.Equal(Parcels.Select(p => $"{p.Sheet}-{p.Parcel}"), features.Select(f => (string)f["id"]!));
        Assert.Equal(Parcels.Select(p => p.Use), features.Select(f => (string)f["land_use"]!));
        Assert.Equal(Parcels.Select(p => p.Planned), features.Select(f => (string)f["planned_land_use"]!));
        Assert.Equal(Parcels.Select(p => p.OwnerType), features.Select(f => (string)f["owner_type"]!));
        Assert.All(features, f => Assert.Equal(600.0, (double)f["area_m2"]!, 3));
        // The fields the id was built from, the registry's own parcel code and the note stay, under normalised names.
        Assert.Equal(Parcels.Select(p => (double)p.Sheet), features.Select(f => Convert.ToDouble(f["so_to"], CultureInfo.InvariantCulture)));
        Assert.Equal(Parcels.Select(p => (double)p.Parcel), features.Select(f => Convert.ToDouble(f["so_thua"], CultureInfo.InvariantCulture)));
        Assert.Equal(Parcels.Select(p => $"31303-{p.Sheet}-{p.Parcel}"), features.Select(f => (string)f["ma_thua"]!));
        Assert.Equal(Parcels.Select((p, i) => i == 1 ? "Đất trường tiểu học" : ""), features.Select(f => (string?)f["ghi_chu"] ?? ""));
        var notice = Assert.Single(outcome.Issues.Items, i => i.Code == "id-template-default");
        Assert.Equal(IssueSeverity.Notice, notice.Severity);
        Assert.Contains("SoTo", notice.Render(Language.En), StringComparison.Ordinal);
        AssertMatchesCs2cs(shp, features.Select(f => f.Geometry!).ToList());
    }

    [Fact]
    public void MappingReportSaysWhereEveryColumnWent()
    {
        var shp = RegistryShapefile();

        var columns = DatasetImporter.Import(new ImportRequest(shp, "parcels", null), dryRun: true).Columns;

        var id = Assert.Single(columns, c => c.Role == ColumnRole.IdTemplate);
        Assert.Equal(("{so_to}-{so_thua}", "id"), (id.Source, id.Target));
        Assert.Equal(["12-1", "12-2", "12-3"], id.Samples);
        var owner = Assert.Single(columns, c => c.Source == "DoiTuong");
        Assert.Equal((ColumnRole.Field, "owner_type"), (owner.Role, owner.Target));
        Assert.Equal(["household", "state", "organisation"], owner.Samples);
        Assert.Equal((0, 0), (owner.Empty, owner.Invalid));
        var planned = Assert.Single(columns, c => c.Source == "LoaiDatQH");
        Assert.Equal("planned_land_use", planned.Target);
        var area = Assert.Single(columns, c => c.Source == "DienTich");
        Assert.Equal(("area_m2", "600"), (area.Target, area.Samples[0]));
        var sheet = Assert.Single(columns, c => c.Source == "SoThua");
        Assert.Equal((ColumnRole.Extra, "so_thua", "id"), (sheet.Role, sheet.Target, sheet.Closest));
        var note = Assert.Single(columns, c => c.Source == "GhiChu");
        Assert.Equal((ColumnRole.Extra, 5), (note.Role, note.Empty));
        Assert.Equal(9, columns.Count); // the template and all eight .dbf columns; nothing left out
    }

    [Fact]
    public void ExplicitTemplateWithAFieldTheFileLacksIsRefusedNamingIt()
    {
        var shp = RegistryShapefile();

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "parcels", null) { IdTemplate = "{SoTo}/{SoThuaMoi}" }, dryRun: true);

        var error = Assert.Single(outcome.Issues.Items, i => i.Code == "id-template-field-absent");
        Assert.Equal("SoThuaMoi", error.Field);
    }

    [Fact]
    public void ExplicitTemplateBuildsTheIdAndAnEmptyPartIsAnErrorNamingRowAndField()
    {
        var shp = RegistryShapefile(blankSheetInRow: 5);

        var outcome = DatasetImporter.Import(new ImportRequest(shp, "parcels", null) { IdTemplate = "T{SoTo}.{SoThua}" }, dryRun: true);

        Assert.Equal("T12.1", outcome.Layer.Features[0]["id"]);
        var error = Assert.Single(outcome.Issues.Items, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(("id-part-empty", "#5", "SoTo"), (error.Code, error.Feature, error.Field));
        Assert.DoesNotContain(outcome.Issues.Items, i => i.Code == "id-template-default");
    }

    private string RegistryShapefile(int blankSheetInRow = 0)
    {
        ReferenceTools.Require("ogr2ogr");
        // South-west corner from cs2cs: 20.8285 N 106.7612 E in EPSG:9210 is E 605051.939, N 2304298.085.
        const double E0 = 605_050, N0 = 2_304_300;
        var rows = Parcels.Select((p, i) =>
        {
            var x = E0 + (i * 25);
            var y = N0 + (p.Sheet == 12 ? 0 : 40);
            var wkt = string.Create(CultureInfo.InvariantCulture, $"POLYGON (({x} {y}, {x} {y + 30}, {x + 20} {y + 30}, {x + 20} {y}, {x} {y}))");
            var sheet = i + 1 == blankSheetInRow ? "" : p.Sheet.ToString(CultureInfo.InvariantCulture);
            return $"\"{wkt}\",{sheet},{p.Parcel},{p.Use},{p.Planned},{p.Owner},31303-{p.Sheet}-{p.Parcel},600,{(i == 1 ? "Đất trường tiểu học" : "")}";
        });
        var csv = _dir.Write("thua.csv", "WKT,SoTo,SoThua,LoaiDat,LoaiDatQH,DoiTuong,MaThua,DienTich,GhiChu\n" + string.Join("\n", rows) + "\n");
        var shp = _dir.File("thua_dat.shp");
        ReferenceTools.Run("ogr2ogr",
            $"-f \"ESRI Shapefile\" -a_srs EPSG:9210 -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES -lco ENCODING=UTF-8 -nlt POLYGON \"{shp}\" \"{csv}\"");
        var info = ReferenceTools.Run("ogrinfo", $"-so \"{shp}\" thua_dat");
        Assert.Contains("SoTo: Integer", info, StringComparison.Ordinal);
        Assert.Contains("D_Vietnam_2000", File.ReadAllText(Path.ChangeExtension(shp, ".prj")), StringComparison.Ordinal);
        return shp;
    }

    private static void AssertMatchesCs2cs(string shp, List<Geometry> imported)
    {
        // Every vertex of the registry's own eastings/northings, transformed by PROJ, is the reference; the import
        // may reverse a ring's direction, so each imported vertex must be within 1 cm of some reference vertex.
        var raw = ShapefileLayerReader.Read(shp, "parcels", new IssueList("x", "parcels"));
        for (var f = 0; f < imported.Count; f++)
        {
            var input = string.Join("\n", raw.Features[f].Geometry!.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X:R} {c.Y:R}")));
            var reference = ReferenceTools.Run("cs2cs", "-f %.10f EPSG:9210 EPSG:4326", input + "\n")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                .Select(p => new Coordinate(double.Parse(p[1], CultureInfo.InvariantCulture), double.Parse(p[0], CultureInfo.InvariantCulture)))
                .ToList();
            Assert.Equal(5, imported[f].Coordinates.Length);
            foreach (var c in imported[f].Coordinates)
            {
                var d = reference.Min(r => Metres(c, r));
                Assert.True(d < ToleranceMetres, $"parcel {f + 1}: vertex {d:0.0000} m from cs2cs");
            }
        }
    }

    // Local equirectangular distance; exact enough at the centimetre scale.
    private static double Metres(Coordinate a, Coordinate b)
    {
        var dy = (a.Y - b.Y) * 110_574;
        var dx = (a.X - b.X) * 111_320 * Math.Cos(a.Y * Math.PI / 180);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
