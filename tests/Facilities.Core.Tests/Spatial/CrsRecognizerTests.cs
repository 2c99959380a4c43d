using Facilities.Core.Spatial;

namespace Facilities.Core.Tests.Spatial;

public class CrsRecognizerTests
{
    // What GDAL writes into a shapefile's .prj for EPSG:9210: ESRI flavour, no TOWGS84.
    private const string EsriVn2000Tm3 =
        "PROJCS[\"VN-2000_TM-3_105-45\",GEOGCS[\"GCS_VN_2000\",DATUM[\"D_Vietnam_2000\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
        "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0]," +
        "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.75],PARAMETER[\"Scale_Factor\",0.9999]," +
        "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    [Fact]
    public void EsriPrjWithoutTowgs84IsRecognisedAsVn2000ByDatumName()
    {
        Assert.True(CrsRecognizer.TryRecognise(EsriVn2000Tm3, out var crs, out _));

        Assert.Equal(9210, crs.Srid);
        Assert.Contains("TOWGS84", crs.Wkt, StringComparison.Ordinal);
    }

    [Fact]
    public void FormerHaiDuongCentralMeridianGivesEpsg9209()
    {
        var wkt = EsriVn2000Tm3.Replace("105.75", "105.5", StringComparison.Ordinal).Replace("105-45", "105-30", StringComparison.Ordinal);

        Assert.True(CrsRecognizer.TryRecognise(wkt, out var crs, out _));
        Assert.Equal(9209, crs.Srid);
    }

    [Fact]
    public void Tm3ZoneWithoutEpsgCodeStillGetsTheVn2000Shift()
    {
        var wkt = EsriVn2000Tm3.Replace("105.75", "104.25", StringComparison.Ordinal);

        Assert.True(CrsRecognizer.TryRecognise(wkt, out var crs, out _));
        Assert.Equal(0, crs.Srid);
        Assert.Contains("TOWGS84", crs.Wkt, StringComparison.Ordinal);
    }

    [Fact]
    public void TopLevelEpsgAuthorityIsUsedWhenKnown()
    {
        Assert.True(CrsRecognizer.TryRecognise(CrsRegistry.Get(32648).Wkt, out var crs, out _));
        Assert.Equal(32648, crs.Srid);
    }

    [Fact]
    public void WgsUtmWithoutAuthorityIsRecognisedByParameters()
    {
        var wkt = "PROJCS[\"WGS_1984_UTM_Zone_48N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
                  "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0]," +
                  "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",0.9996]," +
                  "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

        Assert.True(CrsRecognizer.TryRecognise(wkt, out var crs, out _));
        Assert.Equal(32648, crs.Srid);
    }

    [Fact]
    public void UnknownProjectionIsRefusedWithAReason()
    {
        var wkt = "PROJCS[\"Lambert\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
                  "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"]," +
                  "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",106.0]," +
                  "PARAMETER[\"Standard_Parallel_1\",20.0],PARAMETER[\"Standard_Parallel_2\",22.0],PARAMETER[\"Latitude_Of_Origin\",21.0],UNIT[\"Meter\",1.0]]";

        Assert.False(CrsRecognizer.TryRecognise(wkt, out _, out var reason));
        Assert.Contains("Transverse Mercator", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageIsRefusedWithAReason()
    {
        Assert.False(CrsRecognizer.TryRecognise("not a crs", out _, out var reason));
        Assert.NotEmpty(reason);
    }
}
