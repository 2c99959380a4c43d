using Facilities.Core.Compliance;
using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.IO.Store;
using Facilities.IO.Styles;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Results;

/// <summary>
/// Writes the compliance result as one point layer of schools (one row per school and level) with the CLI's columns
/// plus compliance_status, the overall status the map colours by, and a default style in layer_styles: Đạt / Không
/// đạt / Chưa rõ in the map's colours, so it opens coloured in QGIS.
/// </summary>
public static class ComplianceGeoPackageWriter
{
    /// <summary>The layer's name.</summary>
    public const string Layer = "compliance";

    /// <summary>The CLI's compliance columns and each school's overall status as Core decides it (what /api/compliance serves).</summary>
    public static readonly IReadOnlyList<ResultColumn<ComplianceRow>> Columns =
        [.. ComplianceColumns.All, new(SchoolStatusStyle.Field, "Kết quả chung", r => ComplianceColumns.StatusText(r.Overall))];

    /// <summary>Writes the layer; <paramref name="schools"/> is the dataset's schools layer (its CRS), <paramref name="geometry"/> each school's point.</summary>
    public static void Write(
        IReadOnlyList<ComplianceRow> rows, ResultStamp stamp, FeatureLayer schools, IReadOnlyDictionary<(string Id, string Level), Geometry?> geometry, string path)
    {
        var layer = ResultLayers.Build(Layer, rows, Columns, x => geometry.GetValueOrDefault((x.SchoolId, x.Level)), stamp.Id, schools);
        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;
        StyledGeoPackage.Write(path, [layer], metadata, [Style]);
    }

    /// <summary>The default style of the layer.</summary>
    public static LayerStyleEntry Style => new(Layer, GeoPackageLayerWriter.GeometryColumn, "facilities compliance_status",
        SchoolStatusStyle.Qml(), SchoolStatusStyle.Sld(Layer),
        "Trường theo kết quả đạt chuẩn, màu như bản đồ Facilities / Schools by compliance, coloured as in the Facilities map");
}
