using Facilities.Core.Results;
using Facilities.Reports.Styles;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes the compliance result as one point layer of schools (one row per school and level) with the CLI's columns
/// plus compliance_status, the overall status the map colours by, and a default style in layer_styles: Đạt / Không
/// đạt / Chưa rõ in the map's colours, so it opens coloured in QGIS.
/// </summary>
public static class ComplianceGeoPackageWriter
{
    /// <summary>The layer's name.</summary>
    public const string Layer = "compliance";

    /// <summary>Writes the school table <paramref name="schools"/> as the compliance point layer.</summary>
    public static void Write(ResultTable schools, string path) =>
        StyledGeoPackage.Write(path, [ResultLayers.Build(schools with { Name = Layer })], ResultLayers.Metadata(schools.Stamp), [Style]);

    /// <summary>The default style of the layer.</summary>
    public static LayerStyleEntry Style => new(Layer, GeoPackageLayerWriter.GeometryColumn, "facilities compliance_status",
        SchoolStatusStyle.Qml(), SchoolStatusStyle.Sld(Layer),
        "Trường theo kết quả đạt chuẩn, màu như bản đồ Facilities / Schools by compliance, coloured as in the Facilities map");
}
