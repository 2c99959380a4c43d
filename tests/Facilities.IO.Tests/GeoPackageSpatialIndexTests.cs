using System.Globalization;
using System.Text.RegularExpressions;
using Facilities.Application.Import;
using Facilities.Core.Deficit;
using Facilities.Core.Features;
using Facilities.Core.Generation;
using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.Core.Spatial;
using Facilities.Reports.Results;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests;

public sealed partial class GeoPackageSpatialIndexTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The generated city's parcels as GDAL writes them to GeoJSON (the way another tool hands them over).</summary>
    private string ParcelsGeoJson(string name, int parcels, string? where = null)
    {
        var gpkg = _dir.File(name + ".source.gpkg");
        if (!File.Exists(gpkg))
        {
            GeoPackageDataset.ReplaceLayers(gpkg, [SampleCityGenerator.Generate(new SampleCityOptions { Parcels = parcels }).Layer("parcels")], new Dictionary<string, string>());
        }

        var path = _dir.File(name + ".geojson");
        ReferenceTools.Run("ogr2ogr", $"-f GeoJSON \"{path}\" \"{gpkg}\" parcels{(where is null ? "" : $" -where \"{where}\"")}");
        return path;
    }

    /// <summary>The dataset as Facilities wrote it before the index existed: every layer, no R-tree.</summary>
    private string UnindexedDataset(int parcels)
    {
        var path = _dir.File("city.gpkg");
        GeoPackageDataset.ReplaceLayers(path, SampleCityGenerator.Generate(new SampleCityOptions { Parcels = parcels }).Layers,
            new Dictionary<string, string>(), index: SpatialIndexFill.None);
        return path;
    }

    private static long Scalar(string path, string sql)
    {
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The index is complete: one R-tree row per non-empty geometry, and a bbox query through GDAL (which answers it
    /// from the R-tree) returns exactly the features a full scan in C# finds.
    /// </summary>
    private static void AssertIndexComplete(string path, string table, Envelope bbox)
    {
        var layer = GeoPackageDataset.ReadLayer(path, table)!;
        var nonEmpty = layer.Features.Count(f => f.Geometry is { IsEmpty: false });
        Assert.Equal(nonEmpty, Scalar(path, $"SELECT COUNT(*) FROM rtree_{table}_geom"));

        var info = ReferenceTools.Run("ogrinfo", string.Create(CultureInfo.InvariantCulture,
            $"-ro -q -fields=NO -geom=NO -spat {bbox.MinX} {bbox.MinY} {bbox.MaxX} {bbox.MaxY} \"{path}\" {table}"));
        var viaIndex = FeatureIds().Matches(info).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        var box = new GeometryFactory().ToGeometry(bbox);
        var scanned = layer.Features.Where(f => f.Geometry is { } g && g.Intersects(box)).Select(f => f.Ordinal).Order().ToList();
        Assert.NotEmpty(scanned);
        Assert.True(scanned.Count < nonEmpty, "the bbox must select part of the layer, not all of it");
        Assert.Equal(scanned, viaIndex);
    }

    /// <summary>A 500 m box (about 0.0048° × 0.0046°) at the centre of the layer's extent.</summary>
    private static Envelope CentreBox(string path, string table)
    {
        var e = new Envelope();
        foreach (var f in GeoPackageDataset.ReadLayer(path, table)!.Features)
        {
            e.ExpandToInclude(f.Geometry!.EnvelopeInternal);
        }

        var (x, y) = (e.Centre.X, e.Centre.Y);
        return new Envelope(x - 0.0024, x + 0.0024, y - 0.00225, y + 0.00225);
    }

    [Fact]
    public void EveryGeneratedLayerHasACompleteRtreeAndGdalsValidatorPasses()
    {
        var path = _dir.File("city.gpkg");
        var city = SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 400 });

        GeoPackageDataset.ReplaceLayers(path, city.Layers, new Dictionary<string, string>());

        GeoPackageValidator.AssertValid(path);
        foreach (var layer in city.Layers)
        {
            Assert.Equal(layer.Features.Count(f => f.Geometry is { IsEmpty: false }), Scalar(path, $"SELECT COUNT(*) FROM rtree_{layer.Name}_geom"));
            Assert.Equal(1, Scalar(path, $"SELECT COUNT(*) FROM gpkg_extensions WHERE table_name = '{layer.Name}' AND column_name = 'geom' AND extension_name = 'gpkg_rtree_index' AND scope = 'write-only'"));
            Assert.Equal(6, Scalar(path, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{layer.Name}' AND name LIKE 'rtree_{layer.Name}_geom_%'"));
        }

        AssertIndexComplete(path, "parcels", CentreBox(path, "parcels"));
    }

    [Fact]
    public void ParcelsIndexedByGdalThenReplacedByAnImportGetAFreshCompleteIndex()
    {
        // Arrange: 300 parcels written without an index, then indexed by GDAL as QGIS's "Create spatial index" does.
        var dataset = UnindexedDataset(300);
        ReferenceTools.Run("ogrinfo", $"\"{dataset}\" -sql \"SELECT CreateSpatialIndex('parcels', 'geom')\"");
        Assert.Equal(300, Scalar(dataset, "SELECT COUNT(*) FROM rtree_parcels_geom"));
        var source = ParcelsGeoJson("parcels", 2000);

        // Act
        var outcome = DatasetImporter.Import(new ImportRequest(source, "parcels", dataset));

        // Assert: 2,000 boxes, not GDAL's 300 left behind; the other layers got theirs too.
        Assert.True(outcome.Written, string.Join("\n", outcome.Issues.Items.Select(i => i.ToString())));
        Assert.Equal(2000, GeoPackageDataset.ReadLayer(dataset, "parcels")!.Features.Count);
        GeoPackageValidator.AssertValid(dataset);
        AssertIndexComplete(dataset, "parcels", CentreBox(dataset, "parcels"));
        Assert.Equal(GeoPackageDataset.ReadLayer(dataset, "wards")!.Features.Count, Scalar(dataset, "SELECT COUNT(*) FROM rtree_wards_geom"));
    }

    [Fact]
    public void ReplaceAndAppendImportsKeepTheIndexComplete()
    {
        // Arrange: 1,200 parcels in two GDAL-written halves.
        var dataset = UnindexedDataset(50);
        var first = ParcelsGeoJson("first", 1200, "fid <= 700");
        var second = ParcelsGeoJson("second", 1200, "fid > 700");

        // Act
        var replaced = DatasetImporter.Import(new ImportRequest(first, "parcels", dataset));
        GeoPackageValidator.AssertValid(dataset);
        AssertIndexComplete(dataset, "parcels", CentreBox(dataset, "parcels"));
        var appended = DatasetImporter.Import(new ImportRequest(second, "parcels", dataset) { Append = true });

        // Assert
        Assert.True(replaced.Written && appended.Written, string.Join("\n", appended.Issues.Items.Select(i => i.ToString())));
        Assert.Equal(1200, GeoPackageDataset.ReadLayer(dataset, "parcels")!.Features.Count);
        GeoPackageValidator.AssertValid(dataset);
        AssertIndexComplete(dataset, "parcels", CentreBox(dataset, "parcels"));
    }

    [Fact]
    public void EditsByGdalAndByAConnectionWithOurFunctionsKeepTheIndexInStep()
    {
        var path = _dir.File("city.gpkg");
        GeoPackageDataset.ReplaceLayers(path, [SampleCityGenerator.Generate(new SampleCityOptions { Parcels = 200 }).Layer("parcels")], new Dictionary<string, string>());

        // GDAL runs the triggers with its own ST_ functions.
        ReferenceTools.Run("ogrinfo", $"\"{path}\" -sql \"DELETE FROM parcels WHERE fid <= 10\"");
        Assert.Equal(190, Scalar(path, "SELECT COUNT(*) FROM rtree_parcels_geom"));

        // Plain SQLite cannot run them: the triggers call functions it lacks.
        using (var plain = GeoPackageSchema.Open(path, SqliteOpenMode.ReadWrite))
        {
            using var cmd = plain.CreateCommand();
            cmd.CommandText = "UPDATE parcels SET geom = (SELECT geom FROM parcels WHERE fid = 200) WHERE fid = 20";
            Assert.Contains("no such function: ST_", Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        }

        // With ours registered, an update moves the box and a NULL geometry leaves the index.
        using (var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadWrite))
        {
            GeoPackageSqlFunctions.Register(c);
            GeoPackageSchema.Execute(c, "UPDATE parcels SET geom = (SELECT geom FROM parcels WHERE fid = 200) WHERE fid = 20; UPDATE parcels SET geom = NULL WHERE fid = 30;");
        }

        var parcel200 = GeoPackageDataset.ReadLayer(path, "parcels")!.Features.Single(f => f.Ordinal == 190).Geometry!.EnvelopeInternal;
        using (var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT minx, maxx, miny, maxy FROM rtree_parcels_geom WHERE id = 20";
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());

            // The R-tree stores 32-bit floats rounded outwards.
            Assert.InRange(parcel200.MinX - r.GetDouble(0), 0, 1e-5);
            Assert.InRange(r.GetDouble(1) - parcel200.MaxX, 0, 1e-5);
            Assert.InRange(parcel200.MinY - r.GetDouble(2), 0, 1e-5);
            Assert.InRange(r.GetDouble(3) - parcel200.MaxY, 0, 1e-5);
        }

        Assert.Equal(189, Scalar(path, "SELECT COUNT(*) FROM rtree_parcels_geom"));
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM rtree_parcels_geom WHERE id = 30"));
        GeoPackageValidator.AssertValid(path);
    }

    [Fact]
    public void TablesWithoutGeometryAreAttributesAndAnEmptyLayerIsStillTypedWithItsCrs()
    {
        var path = _dir.File("r.gpkg");
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var empty = new FeatureLayer("candidate_sites", wgs84, [new FieldInfo("score", FieldType.Real)], []);
        var summary = new FeatureLayer("screening_summary", wgs84, [new FieldInfo("key", FieldType.Text), new FieldInfo("count", FieldType.Integer)],
            [new FeatureRecord(1, null, new() { ["key"] = "parcels", ["count"] = 3000L }), new FeatureRecord(2, null, new() { ["key"] = "area", ["count"] = 2412L })]);

        GeoPackageDataset.ReplaceLayers(path, [empty, summary], new Dictionary<string, string>(), fresh: true,
            geometryTypes: new Dictionary<string, string?> { ["candidate_sites"] = "MULTIPOLYGON", ["screening_summary"] = null });

        GeoPackageValidator.AssertValid(path);
        var info = ReferenceTools.Run("ogrinfo", $"-ro -so \"{path}\" candidate_sites screening_summary");
        Assert.Contains("Geometry: Multi Polygon", info, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",4326]", info, StringComparison.Ordinal);
        Assert.Contains("Geometry: None", info, StringComparison.Ordinal);
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM pragma_table_info('screening_summary') WHERE name = 'geom'"));
        Assert.Equal(1, Scalar(path, "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = 'screening_summary' AND data_type = 'attributes'"));
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM gpkg_geometry_columns WHERE table_name = 'screening_summary'"));
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM rtree_candidate_sites_geom"));
        var back = GeoPackageDataset.ReadLayer(path, "screening_summary")!;
        Assert.Equal([3000L, 2412L], back.Features.Select(f => (long)f["count"]!));
    }

    [Fact]
    public void DeficitGeoPackagePassesGdalsValidatorWithAnIndexPerLevel()
    {
        var city = DatasetLoader.LoadCity(SharedData.SampleCity, NormsSet.BuiltIn);
        var result = AdminDeficitCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2030));
        var stamp = new ResultStamp("facilities test", "deficit", "sample-city.gpkg", GeoPackageDataset.Hash(SharedData.SampleCity),
            NormsSet.BuiltIn.Version, NormsSet.BuiltIn.Sha256, result.Options.Describe(), []);
        var path = _dir.File("d.gpkg");

        DeficitGeoPackageWriter.Write(Results.SampleTables.Deficit(result, stamp), result.Options.Levels, path);

        GeoPackageValidator.AssertValid(path);
        foreach (var level in Core.Schema.DatasetSchema.Levels)
        {
            Assert.Equal(12, Scalar(path, $"SELECT COUNT(*) FROM rtree_deficit_{level}_geom"));
        }
    }

    [Fact]
    public void AnOlderDatasetGetsItsMetadataAsAnAttributesTableAndEveryLayerIndexedOnItsNextWrite()
    {
        // Arrange: the committed sample city, written before the index and with facilities_metadata keyed by text.
        var path = _dir.File("city.gpkg");
        File.Copy(SharedData.SampleCity, path);
        var before = GeoPackageDataset.Metadata(path);
        var schools = GeoPackageDataset.ReadLayer(path, "schools")!;

        // Act: replace one layer only.
        GeoPackageDataset.ReplaceLayers(path, [schools], new Dictionary<string, string> { ["k"] = "v" });

        // Assert: the same entries plus the new one, in a table QGIS lists; every layer indexed, not only schools.
        var after = GeoPackageDataset.Metadata(path);
        Assert.Equal(before.Append(new KeyValuePair<string, string>("k", "v")).OrderBy(p => p.Key, StringComparer.Ordinal), after);
        Assert.Equal(1, Scalar(path, "SELECT COUNT(*) FROM gpkg_contents WHERE table_name = 'facilities_metadata' AND data_type = 'attributes'"));
        GeoPackageValidator.AssertValid(path);
        foreach (var layer in new[] { "wards", "schools", "urban_areas", "industrial_zones", "parcels" })
        {
            Assert.Equal(GeoPackageDataset.ReadLayer(path, layer)!.Features.Count(f => f.Geometry is { IsEmpty: false }), Scalar(path, $"SELECT COUNT(*) FROM rtree_{layer}_geom"));
        }

        AssertIndexComplete(path, "parcels", CentreBox(path, "parcels"));
    }

    [GeneratedRegex(@"^OGRFeature\([^)]*\):(\d+)$", RegexOptions.Multiline)]
    private static partial Regex FeatureIds();
}
