using Facilities.Core.Programme;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Core.Spatial;
using Facilities.Storage.Sqlite.GeoPackage;
using NetTopologySuite.Geometries;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Reports.Results;

/// <summary>The programme's projects as a GeoPackage point layer (programme_projects), stamped, for QGIS and the map.</summary>
public static class ProgrammeGeoPackageWriter
{
    private static readonly IReadOnlyList<ResultColumn<ProgrammeProject>> Columns =
    [
        Text<ProgrammeProject>("id", "Mã dự án", "Project id", p => p.Action.Id),
        Text<ProgrammeProject>("kind", "Loại", "Kind", p => p.Action.Kind.Code()),
        Text<ProgrammeProject>("name", "Tên", "Name", p => p.Action.Name),
        Text<ProgrammeProject>("ward_code", "Mã phường/xã", "Ward code", p => p.Action.WardCode),
        Text<ProgrammeProject>("level", "Cấp học", "Level", p => p.Action.Level),
        Integer<ProgrammeProject>("classrooms", "Số phòng học", "Classrooms", p => p.Action.Classrooms, "phòng / rooms"),
        Number<ProgrammeProject>("land_m2", "Đất (m²)", "Land (m²)", p => Math.Round(p.Action.LandM2, 0), "m²"),
        Number<ProgrammeProject>("cost_vnd", "Tổng mức đầu tư (đồng)", "Investment (VND)", p => (double)p.Action.CostVnd, "đồng / VND"),
        Integer<ProgrammeProject>("start_year", "Năm khởi công", "Start year", p => p.Start),
        Integer<ProgrammeProject>("finish_year", "Năm hoàn thành", "Finish year", p => p.Finish),
        Integer<ProgrammeProject>("serves_from", "Đưa vào sử dụng", "In use from", p => p.Serves),
        Text<ProgrammeProject>("land_status", "Tình trạng đất", "Land status", p => p.Action.LandStatus),
        Integer<ProgrammeProject>("land_overdue", "Thủ tục đất quá hạn", "Land procedure overdue", p => p.Action.LandOverdue ? 1L : 0L),
        Text<ProgrammeProject>("need_source", "Nguồn nhu cầu", "Source of the need", p => p.Action.NeedSource),
    ];

    /// <summary>Writes the base scenario's projects (metric CRS <paramref name="metric"/>) to a fresh GeoPackage, atomically.</summary>
    public static void Write(ProgrammeResult result, ResultStamp stamp, CrsDefinition metric, string path)
    {
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var layer = ResultLayers.Build(ResultTable.Build("programme_projects", result.Base.Projects(), Columns, p => p.Action.Id,
            p => p.Action.Location is Geometry g ? Reprojector.Transform(g.InteriorPoint, metric, wgs84) : null, stamp));
        GeoPackageDataset.ReplaceLayers(path, [layer], ResultLayers.Metadata(stamp), fresh: true, geometryTypes: new Dictionary<string, string?> { ["programme_projects"] = "POINT" });
    }
}
