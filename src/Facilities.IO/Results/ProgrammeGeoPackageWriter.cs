using Facilities.Core.Features;
using Facilities.Core.Programme;
using Facilities.Core.Provenance;
using Facilities.Core.Spatial;
using Facilities.IO.Store;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Results;

/// <summary>The programme's projects as a GeoPackage point layer (programme_projects), stamped, for QGIS and the map.</summary>
public static class ProgrammeGeoPackageWriter
{
    private static readonly IReadOnlyList<ResultColumn<ProgrammeProject>> Columns =
    [
        new("id", "Mã dự án", p => p.Action.Id),
        new("kind", "Loại", p => p.Action.Kind.Code()),
        new("name", "Tên", p => p.Action.Name),
        new("ward_code", "Mã phường/xã", p => p.Action.WardCode),
        new("level", "Cấp học", p => p.Action.Level),
        new("classrooms", "Số phòng học", p => (long)p.Action.Classrooms),
        new("land_m2", "Đất (m²)", p => Math.Round(p.Action.LandM2, 0)),
        new("cost_vnd", "Tổng mức đầu tư (đồng)", p => (double)p.Action.CostVnd),
        new("start_year", "Năm khởi công", p => (long)p.Start),
        new("finish_year", "Năm hoàn thành", p => (long)p.Finish),
        new("serves_from", "Đưa vào sử dụng", p => (long)p.Serves),
        new("land_status", "Tình trạng đất", p => p.Action.LandStatus),
        new("land_overdue", "Thủ tục đất quá hạn", p => p.Action.LandOverdue ? 1L : 0L),
        new("need_source", "Nguồn nhu cầu", p => p.Action.NeedSource),
    ];

    /// <summary>Writes the base scenario's projects (metric CRS <paramref name="metric"/>) to a fresh GeoPackage, atomically.</summary>
    public static void Write(ProgrammeResult result, ResultStamp stamp, CrsDefinition metric, string path)
    {
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var crs = new FeatureLayer("wgs84", wgs84, [], []);
        var layer = ResultLayers.Build("programme_projects", result.Base.Projects(), Columns,
            p => p.Action.Location is Geometry g ? Reprojector.Transform(g.InteriorPoint, metric, wgs84) : null, stamp.Id, crs);
        var metadata = stamp.Lines().ToDictionary(l => "result." + l.Key, l => l.Value);
        metadata["result.stamp_id"] = stamp.Id;
        GeoPackageDataset.ReplaceLayers(path, [layer], metadata, fresh: true, geometryTypes: new Dictionary<string, string?> { ["programme_projects"] = "POINT" });
    }
}
