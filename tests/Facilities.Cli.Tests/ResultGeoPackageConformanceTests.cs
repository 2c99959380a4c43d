using Facilities.Core.Features;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.Cli.Tests;

/// <summary>Every result GeoPackage the commands write passes GDAL's validate_gpkg.py, with an R-tree on each geometry table.</summary>
public sealed class ResultGeoPackageConformanceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<(string Table, string Kind)> Contents(string path)
    {
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    }

    private static long Count(string path, string table)
    {
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Validator passes; each features table has an R-tree as full as its non-NULL geometries.</summary>
    private static void AssertConformingAndIndexed(string path)
    {
        GeoPackageValidator.AssertValid(path);
        foreach (var (table, kind) in Contents(path).Where(t => t.Kind == "features"))
        {
            var withGeometry = GeoPackageDataset.ReadLayer(path, table)!.Features.Count(f => f.Geometry is { IsEmpty: false });
            Assert.True(withGeometry == Count(path, $"rtree_{table}_geom"), $"{table}: {withGeometry} geometries, {Count(path, $"rtree_{table}_geom")} in the index");
        }
    }

    [Fact]
    public void DeficitTeachersAndComplianceGeoPackagesPassGdalsValidator()
    {
        var (deficit, teachers, compliance) = (_dir.File("d.gpkg"), _dir.File("t.gpkg"), _dir.File("c.gpkg"));

        Assert.Equal(0, CliRunner.Run("deficit", SharedData.SampleCity, "--year", "2030", "--out", deficit).Code);
        Assert.Equal(0, CliRunner.Run("teachers", SharedData.SampleCity, "--year", "2030", "--out", teachers).Code);
        Assert.Equal(0, CliRunner.Run("compliance", SharedData.SampleCity, "--out", compliance).Code);

        AssertConformingAndIndexed(deficit);
        AssertConformingAndIndexed(teachers);
        AssertConformingAndIndexed(compliance);
        Assert.Equal(12, Count(deficit, "rtree_deficit_thcs_geom"));
    }

    [Fact]
    public void SitesGeoPackageHasIndexedCandidatesAndAttributesTablesForTheSummaryAndRejections()
    {
        var output = _dir.File("s.gpkg");

        var (code, _, stderr) = CliRunner.Run("sites", SharedData.SampleCity, "--level", "thcs", "--year", "2030", "--top", "20", "--rejected", "--out", output);

        Assert.True(code == 0, stderr);
        AssertConformingAndIndexed(output);
        Assert.Equal(
            [("candidate_sites", "features"), ("rejected_parcels", "attributes"), ("screening_summary", "attributes")],
            Contents(output).Where(t => t.Table is not ("facilities_metadata" or "layer_styles")));
        Assert.Equal(20, Count(output, "rtree_candidate_sites_geom"));
        var info = ReferenceTools.Run("ogrinfo", $"-ro -so \"{output}\" screening_summary candidate_sites");
        Assert.Contains("Geometry: None", info, StringComparison.Ordinal);
        Assert.Contains("Geometry: Multi Polygon", info, StringComparison.Ordinal);
    }

    [Fact]
    public void SitesOnADatasetWithoutParcelsWriteAnEmptyButTypedCandidateLayerWithItsCrs()
    {
        // Arrange: the sample city with its parcels layer emptied (fields kept), as before a cadastre arrives.
        var dataset = _dir.File("city.gpkg");
        File.Copy(SharedData.SampleCity, dataset);
        var parcels = GeoPackageDataset.ReadLayer(dataset, "parcels")!;
        GeoPackageDataset.ReplaceLayers(dataset, [new FeatureLayer("parcels", parcels.Crs, parcels.Fields, [])], new Dictionary<string, string>());
        var output = _dir.File("s.gpkg");

        // Act
        var (code, _, stderr) = CliRunner.Run("sites", dataset, "--level", "thcs", "--year", "2030", "--out", output);

        // Assert
        Assert.True(code == 0, stderr);
        AssertConformingAndIndexed(dataset);
        AssertConformingAndIndexed(output);
        var info = ReferenceTools.Run("ogrinfo", $"-ro -so \"{output}\" candidate_sites");
        Assert.Contains("Feature Count: 0", info, StringComparison.Ordinal);
        Assert.Contains("Geometry: Multi Polygon", info, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4326]", info, StringComparison.Ordinal);
    }

    [Fact]
    public void ProposalGeoPackageHasIndexedSitesAndPointsAndAttributesTablesForNeedsAndRuns()
    {
        var output = _dir.File("p.gpkg");

        var (code, _, stderr) = CliRunner.Run("propose", SharedData.SampleCity, "--urban-area", "KDT-01", "--levels", "tieu_hoc,thcs", "--out", output, "--report", _dir.File("p.html"));

        Assert.True(code == 0, stderr);
        AssertConformingAndIndexed(output);
        Assert.Equal(
            [("catchments", "features"), ("project_needs", "attributes"), ("proposed_sites", "features"), ("solver_runs", "attributes")],
            Contents(output).Where(t => t.Table is not ("facilities_metadata" or "layer_styles")));
        Assert.Equal(5, Count(output, "rtree_proposed_sites_geom"));
        Assert.Equal(Count(output, "catchments"), Count(output, "rtree_catchments_geom"));
    }
}
