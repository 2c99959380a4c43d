using Facilities.Core.Features;
using Facilities.Core.Results;
using Facilities.Reports.Styles;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes a GeoPackage with one layer of ward polygons per level (deficit_mam_non …) carrying the deficit columns,
/// ready for a choropleth in QGIS; the stamp goes into facilities_metadata, and every layer gets a default style in
/// layer_styles (deficit_rooms in the map app's classes and colours, no-data wards hatched grey), so it opens coloured.
/// </summary>
public static class DeficitGeoPackageWriter
{
    /// <summary>Writes the ward table <paramref name="wards"/> as one layer per level of <paramref name="levels"/> (deficit_&lt;level&gt;).</summary>
    public static void Write(ResultTable wards, IEnumerable<string> levels, string path)
    {
        var layers = levels.Select(level => ResultLayers.Build(wards.Where("level", level, "deficit_" + level))).ToList();
        StyledGeoPackage.Write(path, layers, ResultLayers.Metadata(wards.Stamp), [.. layers.Select(Style)]);
    }

    /// <summary>
    /// The default style of one deficit layer: classes from its own wards with school data, as the map classes the wards
    /// it shows (a no-data ward's deficit is the whole need and would push every class up).
    /// </summary>
    public static LayerStyleEntry Style(FeatureLayer layer)
    {
        var withData = layer.Features.Where(f => f[WardChoropleth.StatusField] as string != WardChoropleth.NoDataCode);
        var choropleth = WardChoropleth.DeficitRooms(StyledGeoPackage.Values(withData, "deficit_rooms"));
        return new LayerStyleEntry(layer.Name, GeoPackageLayerWriter.GeometryColumn, "facilities deficit_rooms",
            QgisQml.Write(choropleth), OgcSld.Write(choropleth, layer.Name),
            "Thiếu phòng học theo phường, màu như bản đồ Facilities / Classrooms short per ward, coloured as in the Facilities map");
    }
}
