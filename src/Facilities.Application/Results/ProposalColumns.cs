using System.Globalization;
using Facilities.Core.Optimisation;
using Facilities.Core.Proposals;
using Facilities.Core.Results;
using Facilities.Reports.Results;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>Columns of the proposal outputs: chosen sites, catchment points, needs and solver runs.</summary>
public static class ProposalColumns
{
    /// <summary>The proposed_sites layer.</summary>
    public static IReadOnlyList<ResultColumn<ProposedSite>> Sites(ProposalResult result) =>
    [
        Text<ProposedSite>("urban_area_id", "Mã dự án", "Project id", _ => result.Needs.Area.Id),
        Level<ProposedSite>(s => s.Level),
        Integer<ProposedSite>("rank", "Thứ hạng", "Rank", s => s.Rank),
        Text<ProposedSite>("site_id", "Mã địa điểm", "Site id", s => s.Site.Id),
        Text<ProposedSite>("parcel_ids", "Các thửa", "Parcel ids", s => string.Join(";", s.Site.ParcelIds)),
        Text<ProposedSite>("merged", "Gộp nhiều thửa", "Merged parcels", s => s.Site.IsMerged ? "yes" : "no"),
        Text<ProposedSite>("ward_code", "Mã xã/phường", "Ward code", s => s.Site.WardCode),
        Text<ProposedSite>("ward_name", "Tên xã/phường", "Ward name", s => s.Site.WardName),
        Text<ProposedSite>("land_use", "Loại đất hiện trạng", "Current land use", s => s.Site.LandUse),
        Text<ProposedSite>("owner_type", "Đối tượng sử dụng đất", "Land user", s => s.Site.OwnerType),
        Number<ProposedSite>("area_m2", "Diện tích (m²)", "Area (m²)", s => Math.Round(s.Site.AreaM2, 2), "m²"),
        Number<ProposedSite>("min_area_m2", "Diện tích tối thiểu (m²)", "Minimum area (m²)", s => Math.Round(s.Site.MinAreaM2, 2), "m²"),
        Number<ProposedSite>("land_per_school_m2", "Đất cho một trường (m²)", "Land per school (m²)", s => (double)LevelOf(result, s.Level).Needs.LandPerSchoolM2, "m²"),
        Text<ProposedSite>("fits_school", "Đủ đất cho một trường", "Land enough for a school", s => s.Site.AreaM2 >= (double)LevelOf(result, s.Level).Needs.LandPerSchoolM2 ? "yes" : "no"),
        Number<ProposedSite>("radius_m", "Bán kính phục vụ (m)", "Service radius (m)", s => LevelOf(result, s.Level).RadiusM, "m"),
        Number<ProposedSite>("covered_pupils", "Học sinh được phục vụ", "Pupils served", s => Math.Round(s.CoveredPupils, 1), "học sinh / pupils"),
        Number<ProposedSite>("pupils_within_radius", "Học sinh trong bán kính", "Pupils within the radius", s => Math.Round(s.PupilsWithinRadius, 1), "học sinh / pupils"),
        Integer<ProposedSite>("catchment_points", "Số điểm nhu cầu", "Demand points", s => s.CatchmentPoints),
        Number<ProposedSite>("mean_distance_m", "Khoảng cách trung bình (m)", "Mean distance (m)", s => Math.Round(s.MeanDistanceM, 1), "m"),
        Number<ProposedSite>("screening_score", "Điểm sàng lọc", "Screening score", s => (double)s.Site.Score),
        Text<ProposedSite>("model", "Mô hình", "Model", _ => ProposalOptions.ModelName(result.Options.Model)),
        Text<ProposedSite>("method", "Phương pháp giải", "Solver method", s => LevelOf(result, s.Level).Used?.Method ?? ""),
    ];

    /// <summary>The catchments layer (one row per demand point of a level).</summary>
    public static IReadOnlyList<ResultColumn<(string Level, ProposalPoint Point, string SiteId)>> Points =>
    [
        Level<(string Level, ProposalPoint Point, string SiteId)>(r => r.Level),
        Integer<(string Level, ProposalPoint Point, string SiteId)>("site_rank", "Thứ hạng địa điểm", "Site rank", r => r.Point.SiteRank == 0 ? null : r.Point.SiteRank),
        Text<(string Level, ProposalPoint Point, string SiteId)>("site_id", "Mã địa điểm", "Site id", r => r.SiteId),
        Number<(string Level, ProposalPoint Point, string SiteId)>("pupils", "Học sinh", "Pupils", r => Math.Round(r.Point.Pupils, 3), "học sinh / pupils"),
        Number<(string Level, ProposalPoint Point, string SiteId)>("distance_m", "Khoảng cách (m)", "Distance (m)", r => double.IsNaN(r.Point.DistanceM) ? null : Math.Round(r.Point.DistanceM, 1), "m"),
        Text<(string Level, ProposalPoint Point, string SiteId)>("covered", "Được phục vụ", "Served", r => r.Point.WithinRadius ? "yes" : "no"),
        Text<(string Level, ProposalPoint Point, string SiteId)>("inside_area", "Trong dự án", "Inside the project", r => r.Point.InsideArea ? "yes" : "no"),
    ];

    /// <summary>The project_needs table: one row per level and a total.</summary>
    public static IReadOnlyList<ResultColumn<LevelNeeds>> Needs =>
    [
        Text<LevelNeeds>("level", "Cấp học", "Level", n => n.Level),
        Integer<LevelNeeds>("pupils", "Học sinh", "Pupils", n => n.Pupils, "học sinh / pupils"),
        Integer<LevelNeeds>("classes", "Số lớp", "Classes", n => n.Classes, "lớp / classes"),
        Integer<LevelNeeds>("classrooms", "Phòng học", "Classrooms", n => n.Classrooms, "phòng / rooms"),
        Integer<LevelNeeds>("schools", "Số trường", "Schools", n => n.Schools),
        Ratio<LevelNeeds>("classes_per_school", "Lớp mỗi trường", "Classes per school", n => (double)n.ClassesPerSchool),
        Number<LevelNeeds>("land_per_pupil_m2", "m² đất mỗi học sinh", "Land per pupil (m²)", n => (double)n.LandPerPupilM2, "m²"),
        Number<LevelNeeds>("min_site_m2", "Diện tích trường nhỏ nhất (m²)", "Smallest school site (m²)", n => (double)n.MinSiteM2, "m²"),
        Number<LevelNeeds>("land_m2", "Diện tích đất cần (m²)", "Land needed (m²)", n => (double)n.LandM2, "m²"),
    ];

    /// <summary>The solver_runs table: every run of both models.</summary>
    public static IReadOnlyList<ResultColumn<(string Level, SitingSolution Run)>> Runs =>
    [
        Text<(string Level, SitingSolution Run)>("level", "Cấp học", "Level", r => r.Level),
        Text<(string Level, SitingSolution Run)>("model", "Mô hình", "Model", r => ProposalOptions.ModelName(r.Run.Model)),
        Text<(string Level, SitingSolution Run)>("method", "Phương pháp", "Method", r => r.Run.Method),
        Text<(string Level, SitingSolution Run)>("status", "Trạng thái", "Status", r => SolveStatusText.Of(r.Run.Status)),
        Number<(string Level, SitingSolution Run)>("objective", "Giá trị mục tiêu", "Objective", r => double.IsNaN(r.Run.Objective) ? null : Math.Round(r.Run.Objective, 3)),
        Number<(string Level, SitingSolution Run)>("bound", "Cận tốt nhất", "Best bound", r => double.IsNaN(r.Run.Bound) ? null : Math.Round(r.Run.Bound, 3)),
        Ratio<(string Level, SitingSolution Run)>("gap", "Khoảng cách tối ưu", "Optimality gap", r => double.IsNaN(r.Run.Gap) || double.IsInfinity(r.Run.Gap) ? null : Math.Round(r.Run.Gap, 6)),
        Number<(string Level, SitingSolution Run)>("seconds", "Thời gian (giây)", "Time (s)", r => Math.Round(r.Run.Seconds, 3), "s"),
        Text<(string Level, SitingSolution Run)>("chosen", "Chỉ số ứng viên được chọn", "Chosen candidate indices", r => string.Join(";", r.Run.Chosen.Select(j => j.ToString(CultureInfo.InvariantCulture)))),
        Text<(string Level, SitingSolution Run)>("note", "Ghi chú", "Note", r => r.Run.Note),
    ];

    private static LevelProposal LevelOf(ProposalResult result, string level) => result.Levels.First(l => l.Level == level);
}
