using Facilities.Core.Features;
using Facilities.Core.Results;
using Facilities.Core.Schema;
using Facilities.Reports.Styles;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes the teachers result as one layer of ward polygons per level (teachers_mam_non …), each with a default style
/// in layer_styles: teacher_shortfall in the map app's classes and colours (its "teachers" indicator), no-data wards
/// hatched grey, so it opens coloured in QGIS.
/// </summary>
public static class TeachersGeoPackageWriter
{
    /// <summary>Writes the ward table <paramref name="wards"/> as one layer per level (teachers_&lt;level&gt;).</summary>
    public static void Write(ResultTable wards, string path)
    {
        var layers = DatasetSchema.Levels.Select(level => ResultLayers.Build(wards.Where("level", level, "teachers_" + level))).ToList();
        StyledGeoPackage.Write(path, layers, ResultLayers.Metadata(wards.Stamp), [.. layers.Select(Style)]);
    }

    /// <summary>The default style of one teachers layer: classes of its wards with school data, as the map classes them.</summary>
    public static LayerStyleEntry Style(FeatureLayer layer)
    {
        var withData = layer.Features.Where(f => f[WardChoropleth.StatusField] as string != WardChoropleth.NoDataCode);
        var choropleth = WardChoropleth.TeacherShortfall(StyledGeoPackage.Values(withData, "teacher_shortfall"));
        return new LayerStyleEntry(layer.Name, GeoPackageLayerWriter.GeometryColumn, "facilities teacher_shortfall",
            QgisQml.Write(choropleth), OgcSld.Write(choropleth, layer.Name),
            "Thiếu giáo viên theo phường, màu như bản đồ Facilities / Teachers short per ward, coloured as in the Facilities map");
    }
}
