using Facilities.Core.Presentation;
using Facilities.Core.Screening;

namespace Facilities.IO.Results;

/// <summary>
/// Columns of the candidate-site outputs (CSV, XLSX, the candidate_sites layer): the site, why it qualifies and its
/// score broken down by criterion (score_* add up to score), plus the rejected-parcel and summary tables.
/// </summary>
public static class SiteColumns
{
    /// <summary>Candidate columns, in output order; level and year come from the run.</summary>
    public static IReadOnlyList<ResultColumn<CandidateSite>> Candidates(ScreeningOptions options) =>
    [
        new("rank", "Thứ hạng", s => (long)s.Rank),
        new("site_id", "Mã địa điểm", s => s.Id),
        ViColumn.Label<CandidateSite>("merged", "Gộp nhiều thửa", Labels.YesNo, s => s.IsMerged ? "yes" : "no"),
        new("parcel_count", "Số thửa", s => (long)s.ParcelIds.Count),
        new("parcel_ids", "Các thửa", s => string.Join(";", s.ParcelIds)),
        new("level", "Cấp học", _ => options.Level),
        new("year", "Năm", _ => (long)options.Year),
        new("ward_code", "Mã xã/phường", s => s.WardCode),
        new("ward_name", "Tên xã/phường", s => s.WardName),
        ViColumn.Label<CandidateSite>("unit_type", "Loại đơn vị", Labels.UnitType, s => s.UnitType),
        new("ward_schools_in_data", "Số trường cùng cấp của xã/phường trong dữ liệu", s => DeficitColumns.Count(s.WardSchoolsInData)),
        DataStatusColumn.Of<CandidateSite>("ward_data_status", "Dữ liệu trường của xã/phường", s => s.WardDataStatus),
        new("land_use", "Loại đất hiện trạng", s => s.LandUse),
        new("planned_land_use", "Loại đất quy hoạch", s => s.PlannedLandUse),
        ViColumn.Label<CandidateSite>("owner_type", "Đối tượng sử dụng đất", Labels.OwnerType, s => s.OwnerType),
        new("area_m2", "Diện tích (m²)", s => Math.Round(s.AreaM2, 2)),
        new("min_area_m2", "Diện tích tối thiểu (m²)", s => Math.Round(s.MinAreaM2, 2)),
        new("width_m", "Bề rộng (m)", s => Math.Round(s.WidthM, 1)),
        new("radius_m", "Bán kính phục vụ (m)", s => s.RadiusM),
        new("rooms_short_in_radius", "Phòng học thiếu trong bán kính", s => Math.Round(s.RoomsShortInRadius, 2)),
        ViColumn.People<CandidateSite>("unserved_in_radius", "Học sinh chưa có trường trong bán kính", s => Math.Round(s.UnservedInRadius, 1)),
        new("nearest_school_m", "Khoảng cách đến trường cùng cấp gần nhất (m)", s => s.NearestSchoolM is double d ? Math.Round(d, 1) : ""),
        new("score_rooms_short", "Điểm: thiếu phòng học", s => (double)s.Breakdown.RoomsShort),
        new("score_unserved_pupils", "Điểm: học sinh chưa có trường", s => (double)s.Breakdown.UnservedPupils),
        new("score_school_distance", "Điểm: xa trường hiện có", s => (double)s.Breakdown.SchoolDistance),
        new("score_land_status", "Điểm: tình trạng đất", s => (double)s.Breakdown.LandStatus),
        new("score_area_margin", "Điểm: diện tích dư", s => (double)s.Breakdown.AreaMargin),
        new("score", "Tổng điểm", s => (double)s.Score),
    ];

    /// <summary>Rejected-parcel columns.</summary>
    public static readonly IReadOnlyList<ResultColumn<ParcelRejection>> Rejections =
    [
        new("parcel_id", "Mã thửa", r => r.ParcelId),
        new("failed", "Tiêu chí không đạt", r => string.Join(";", r.Failed.Select(f => f.Code()))),
        new("failed_vi", "Lý do", r => string.Join("; ", r.Failed.Select(f => f.Vi()))),
    ];

    /// <summary>Summary rows: parcels screened, passed, rejected by first failing constraint, merged sites.</summary>
    public static List<(string Key, string Vi, long Count)> Summary(ScreeningResult result) =>
    [
        ("parcels_screened", "Số thửa đã xét", result.ParcelsScreened),
        ("parcels_passed", "Số thửa đạt mọi điều kiện", result.ParcelsPassed),
        .. HardConstraintCodes.All.Select(c => ("rejected_" + c.Code(), "Loại vì " + c.Vi(), result.RejectedBy[c])),
        ("merged_sites", "Địa điểm gộp nhiều thửa đạt điều kiện", (long)result.MergedPassed),
        ("candidates_listed", "Số địa điểm trong danh sách", (long)result.Candidates.Count),
    ];
}
