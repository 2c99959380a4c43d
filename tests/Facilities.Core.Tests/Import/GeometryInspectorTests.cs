using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Import;

public class GeometryInspectorTests
{
    private static (Geometry? Result, IssueList Issues, bool Reoriented) Inspect(string? wkt, LayerSchema? schema = null, int srid = 4326)
    {
        var issues = new IssueList("test.geojson", (schema ?? DatasetSchema.Wards).Name);
        var g = wkt is null ? null : Wkt.Read(wkt, srid);
        var result = GeometryInspector.Inspect(g, schema ?? DatasetSchema.Wards, CrsRegistry.Get(srid), "f1", issues, out var reoriented);
        return (result, issues, reoriented);
    }

    private static string OnlyError(IssueList issues) => Assert.Single(issues.Items, i => i.Severity == IssueSeverity.Error).Code;

    [Fact]
    public void ValidCounterClockwisePolygonPassesAsMultiPolygon()
    {
        var (g, issues, reoriented) = Inspect("POLYGON((106.6 20.8, 106.61 20.8, 106.61 20.81, 106.6 20.81, 106.6 20.8))");

        Assert.IsType<MultiPolygon>(g);
        Assert.Empty(issues.Items);
        Assert.False(reoriented);
    }

    [Fact]
    public void MissingGeometryIsAnError() => Assert.Equal("geometry-missing", OnlyError(Inspect(null).Issues));

    [Fact]
    public void EmptyGeometryIsAnError() => Assert.Equal("geometry-empty", OnlyError(Inspect("POLYGON EMPTY").Issues));

    [Fact]
    public void PointInAPolygonLayerIsTheWrongType()
    {
        var (g, issues, _) = Inspect("POINT(106.6 20.8)");

        Assert.Null(g);
        Assert.Equal("geometry-wrong-type", OnlyError(issues));
        Assert.Contains("Point", issues.Items[0].Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void SchoolMayBeAPointOrAPolygonSite()
    {
        Assert.IsType<Point>(Inspect("POINT(106.6 20.8)", DatasetSchema.Schools).Result);
        Assert.IsType<Polygon>(Inspect("POLYGON((106.6 20.8, 106.601 20.8, 106.601 20.801, 106.6 20.801, 106.6 20.8))", DatasetSchema.Schools).Result);
        Assert.Equal("geometry-wrong-type", OnlyError(Inspect("LINESTRING(106.6 20.8, 106.7 20.9)", DatasetSchema.Schools).Issues));
    }

    [Fact]
    public void BowTieIsASelfIntersectionWithItsLocation()
    {
        var (g, issues, _) = Inspect("POLYGON((106.6 20.8, 106.61 20.81, 106.61 20.8, 106.6 20.81, 106.6 20.8))");

        Assert.Null(g);
        Assert.Equal("geometry-self-intersection", OnlyError(issues));
        Assert.Contains("(106.605, 20.805)", issues.Items[0].Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfTouchingRingIsRepairedWithAWarningAndKeepsItsArea()
    {
        // A shell that touches itself at (106.61 20.81), enclosing a hole (the ESRI "inverted hole" form).
        const string wkt = "POLYGON((106.6 20.8, 106.62 20.8, 106.62 20.82, 106.61 20.81, 106.615 20.805, 106.605 20.805, 106.61 20.81, 106.6 20.82, 106.6 20.8))";
        var before = Wkt.Read(wkt).Area;

        var (g, issues, _) = Inspect(wkt);

        Assert.NotNull(g);
        Assert.True(g.IsValid);
        var warning = Assert.Single(issues.Items);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal("geometry-repaired", warning.Code);
        Assert.Equal(before, g.Area, 1e-12);
    }

    [Fact]
    public void ClockwiseShellIsReorientedWithoutChangingTheShape()
    {
        const string cw = "POLYGON((106.6 20.8, 106.6 20.81, 106.61 20.81, 106.61 20.8, 106.6 20.8))";

        var (g, issues, reoriented) = Inspect(cw);

        Assert.True(reoriented);
        Assert.Empty(issues.Items);
        Assert.True(g!.EqualsTopologically(Wkt.Read(cw)));
    }

    [Fact]
    public void SwappedLonLatIsRecognised()
    {
        var (_, issues, _) = Inspect("POINT(20.86 106.68)", DatasetSchema.Schools);

        Assert.Equal("coordinates-swapped", OnlyError(issues));
    }

    [Fact]
    public void Vn2000MetresReadAsDegreesAreRecognised()
    {
        var (_, issues, _) = Inspect("POINT(596579.76 2307734.67)", DatasetSchema.Schools);

        Assert.Equal("coordinates-not-degrees", OnlyError(issues));
        Assert.Contains("EPSG:9210", issues.Items[0].Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void DegreesUnderAProjectedCrsAreRecognised()
    {
        var (_, issues, _) = Inspect("POINT(106.68 20.86)", DatasetSchema.Schools, srid: 9210);

        Assert.Equal("coordinates-degrees-in-projected", OnlyError(issues));
    }

    [Fact]
    public void PointOutsideVietnamIsAnError()
    {
        var (_, issues, _) = Inspect("POINT(2.35 48.85)", DatasetSchema.Schools);

        Assert.Equal("coordinates-outside-vietnam", OnlyError(issues));
    }
}
