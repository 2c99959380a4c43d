using System.Globalization;
using Facilities.Core.Optimisation;
using Facilities.Core.Proposals;

namespace Facilities.IO.Results;

/// <summary>Columns of the proposal outputs: chosen sites, catchment points, needs and solver runs.</summary>
public static class ProposalColumns
{
    /// <summary>The proposed_sites layer.</summary>
    public static IReadOnlyList<ResultColumn<ProposedSite>> Sites(ProposalResult result) =>
    [
        new("urban_area_id", "Mã dự án", _ => result.Needs.Area.Id),
        new("level", "Cấp học", s => s.Level),
        new("rank", "Thứ hạng", s => (long)s.Rank),
        new("site_id", "Mã địa điểm", s => s.Site.Id),
        new("parcel_ids", "Các thửa", s => string.Join(";", s.Site.ParcelIds)),
        new("merged", "Gộp nhiều thửa", s => s.Site.IsMerged ? "yes" : "no"),
        new("ward_code", "Mã xã/phường", s => s.Site.WardCode),
        new("ward_name", "Tên xã/phường", s => s.Site.WardName),
        new("land_use", "Loại đất hiện trạng", s => s.Site.LandUse),
        new("owner_type", "Đối tượng sử dụng đất", s => s.Site.OwnerType),
        new("area_m2", "Diện tích (m²)", s => Math.Round(s.Site.AreaM2, 2)),
        new("min_area_m2", "Diện tích tối thiểu (m²)", s => Math.Round(s.Site.MinAreaM2, 2)),
        new("land_per_school_m2", "Đất cho một trường (m²)", s => (double)Level(result, s.Level).Needs.LandPerSchoolM2),
        new("fits_school", "Đủ đất cho một trường", s => s.Site.AreaM2 >= (double)Level(result, s.Level).Needs.LandPerSchoolM2 ? "yes" : "no"),
        new("radius_m", "Bán kính phục vụ (m)", s => Level(result, s.Level).RadiusM),
        new("covered_pupils", "Học sinh được phục vụ", s => Math.Round(s.CoveredPupils, 1)),
        new("pupils_within_radius", "Học sinh trong bán kính", s => Math.Round(s.PupilsWithinRadius, 1)),
        new("catchment_points", "Số điểm nhu cầu", s => (long)s.CatchmentPoints),
        new("mean_distance_m", "Khoảng cách trung bình (m)", s => Math.Round(s.MeanDistanceM, 1)),
        new("screening_score", "Điểm sàng lọc", s => (double)s.Site.Score),
        new("model", "Mô hình", _ => ProposalOptions.ModelName(result.Options.Model)),
        new("method", "Phương pháp giải", s => Level(result, s.Level).Used?.Method ?? ""),
    ];

    /// <summary>The catchments layer (one row per demand point of a level).</summary>
    public static IReadOnlyList<ResultColumn<(string Level, ProposalPoint Point, string SiteId)>> Points =>
    [
        new("level", "Cấp học", r => r.Level),
        new("site_rank", "Thứ hạng địa điểm", r => r.Point.SiteRank == 0 ? "" : (object)(long)r.Point.SiteRank),
        new("site_id", "Mã địa điểm", r => r.SiteId),
        new("pupils", "Học sinh", r => Math.Round(r.Point.Pupils, 3)),
        new("distance_m", "Khoảng cách (m)", r => double.IsNaN(r.Point.DistanceM) ? "" : Math.Round(r.Point.DistanceM, 1)),
        new("covered", "Được phục vụ", r => r.Point.WithinRadius ? "yes" : "no"),
        new("inside_area", "Trong dự án", r => r.Point.InsideArea ? "yes" : "no"),
    ];

    /// <summary>The project_needs table: one row per level and a total.</summary>
    public static IReadOnlyList<ResultColumn<LevelNeeds>> Needs =>
    [
        new("level", "Cấp học", n => n.Level),
        new("pupils", "Học sinh", n => n.Pupils),
        new("classes", "Số lớp", n => n.Classes),
        new("classrooms", "Phòng học", n => n.Classrooms),
        new("schools", "Số trường", n => (long)n.Schools),
        new("classes_per_school", "Lớp mỗi trường", n => (double)n.ClassesPerSchool),
        new("land_per_pupil_m2", "m² đất mỗi học sinh", n => (double)n.LandPerPupilM2),
        new("min_site_m2", "Diện tích trường nhỏ nhất (m²)", n => (double)n.MinSiteM2),
        new("land_m2", "Diện tích đất cần (m²)", n => (double)n.LandM2),
    ];

    /// <summary>The solver_runs table: every run of both models.</summary>
    public static IReadOnlyList<ResultColumn<(string Level, SitingSolution Run)>> Runs =>
    [
        new("level", "Cấp học", r => r.Level),
        new("model", "Mô hình", r => ProposalOptions.ModelName(r.Run.Model)),
        new("method", "Phương pháp", r => r.Run.Method),
        new("status", "Trạng thái", r => StatusName(r.Run.Status)),
        new("objective", "Giá trị mục tiêu", r => double.IsNaN(r.Run.Objective) ? "" : Math.Round(r.Run.Objective, 3)),
        new("bound", "Cận tốt nhất", r => double.IsNaN(r.Run.Bound) ? "" : Math.Round(r.Run.Bound, 3)),
        new("gap", "Khoảng cách tối ưu", r => double.IsNaN(r.Run.Gap) || double.IsInfinity(r.Run.Gap) ? "" : Math.Round(r.Run.Gap, 6)),
        new("seconds", "Thời gian (giây)", r => Math.Round(r.Run.Seconds, 3)),
        new("chosen", "Chỉ số ứng viên được chọn", r => string.Join(";", r.Run.Chosen.Select(j => j.ToString(CultureInfo.InvariantCulture)))),
        new("note", "Ghi chú", r => r.Run.Note),
    ];

    /// <summary>Status as written out: optimal, feasible, heuristic, no_solution, skipped.</summary>
    public static string StatusName(SolveStatus s) => s switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible",
        SolveStatus.Heuristic => "heuristic",
        SolveStatus.NoSolution => "no_solution",
        _ => "skipped",
    };

    private static LevelProposal Level(ProposalResult result, string level) => result.Levels.First(l => l.Level == level);
}
