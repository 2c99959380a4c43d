using Facilities.Core.Presentation;
using Facilities.Core.Results;
using Facilities.Core.Screening;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>
/// Columns of the candidate-site outputs (CSV, XLSX, the candidate_sites layer): the site, why it qualifies and its
/// score broken down by criterion (score_* add up to score), plus the rejected-parcel and summary tables.
/// </summary>
public static class SiteColumns
{
    /// <summary>Candidate columns, in output order; level and year come from the run.</summary>
    public static IReadOnlyList<ResultColumn<CandidateSite>> Candidates(ScreeningOptions options) =>
    [
        Integer<CandidateSite>("rank", "Thứ hạng", "Rank", s => s.Rank),
        Text<CandidateSite>("site_id", "Mã địa điểm", "Site id", s => s.Id),
        Label<CandidateSite>("merged", "Gộp nhiều thửa", "Merged parcels", Labels.YesNo, s => s.IsMerged ? "yes" : "no"),
        Integer<CandidateSite>("parcel_count", "Số thửa", "Parcels", s => s.ParcelIds.Count),
        Text<CandidateSite>("parcel_ids", "Các thửa", "Parcel ids", s => string.Join(";", s.ParcelIds)),
        Level<CandidateSite>(_ => options.Level),
        Integer<CandidateSite>("year", "Năm", "Year", _ => options.Year),
        Text<CandidateSite>("ward_code", "Mã xã/phường", "Ward code", s => s.WardCode),
        Text<CandidateSite>("ward_name", "Tên xã/phường", "Ward name", s => s.WardName),
        Label<CandidateSite>("unit_type", "Loại đơn vị", "Unit type", Labels.UnitType, s => s.UnitType),
        Integer<CandidateSite>("ward_schools_in_data", "Số trường cùng cấp của xã/phường trong dữ liệu", "Schools of the level in the ward's data", s => s.WardSchoolsInData),
        DataStatus<CandidateSite>("ward_data_status", "Dữ liệu trường của xã/phường", "The ward's school data", s => s.WardDataStatus),
        Text<CandidateSite>("land_use", "Loại đất hiện trạng", "Current land use", s => s.LandUse),
        Text<CandidateSite>("planned_land_use", "Loại đất quy hoạch", "Planned land use", s => s.PlannedLandUse),
        Label<CandidateSite>("owner_type", "Đối tượng sử dụng đất", "Land user", Labels.OwnerType, s => s.OwnerType),
        Number<CandidateSite>("area_m2", "Diện tích (m²)", "Area (m²)", s => Math.Round(s.AreaM2, 2), "m²"),
        Number<CandidateSite>("min_area_m2", "Diện tích tối thiểu (m²)", "Minimum area (m²)", s => Math.Round(s.MinAreaM2, 2), "m²"),
        Number<CandidateSite>("width_m", "Bề rộng (m)", "Width (m)", s => Math.Round(s.WidthM, 1), "m"),
        Number<CandidateSite>("radius_m", "Bán kính phục vụ (m)", "Service radius (m)", s => s.RadiusM, "m"),
        Number<CandidateSite>("rooms_short_in_radius", "Phòng học thiếu trong bán kính", "Classrooms short within the radius", s => Math.Round(s.RoomsShortInRadius, 2), "phòng / rooms"),
        People<CandidateSite>("unserved_in_radius", "Học sinh chưa có trường trong bán kính", "Pupils without a place within the radius", s => Math.Round(s.UnservedInRadius, 1)),
        Number<CandidateSite>("nearest_school_m", "Khoảng cách đến trường cùng cấp gần nhất (m)", "Distance to the nearest school of the level (m)",
            s => s.NearestSchoolM is double d ? Math.Round(d, 1) : null, "m"),
        Number<CandidateSite>("score_rooms_short", "Điểm: thiếu phòng học", "Score: classrooms short", s => (double)s.Breakdown.RoomsShort),
        Number<CandidateSite>("score_unserved_pupils", "Điểm: học sinh chưa có trường", "Score: pupils without a place", s => (double)s.Breakdown.UnservedPupils),
        Number<CandidateSite>("score_school_distance", "Điểm: xa trường hiện có", "Score: distance from schools", s => (double)s.Breakdown.SchoolDistance),
        Number<CandidateSite>("score_land_status", "Điểm: tình trạng đất", "Score: land status", s => (double)s.Breakdown.LandStatus),
        Number<CandidateSite>("score_area_margin", "Điểm: diện tích dư", "Score: area margin", s => (double)s.Breakdown.AreaMargin),
        Number<CandidateSite>("score", "Tổng điểm", "Score", s => (double)s.Score),
    ];

    /// <summary>Rejected-parcel columns.</summary>
    public static readonly IReadOnlyList<ResultColumn<ParcelRejection>> Rejections =
    [
        Text<ParcelRejection>("parcel_id", "Mã thửa", "Parcel id", r => r.ParcelId),
        Text<ParcelRejection>("failed", "Tiêu chí không đạt", "Constraints failed", r => string.Join(";", r.Failed.Select(f => f.Code()))),
        Text<ParcelRejection>("failed_vi", "Lý do", "Reason (Vietnamese)", r => string.Join("; ", r.Failed.Select(f => f.Vi()))),
    ];

    /// <summary>The summary as a table's columns: key, Vietnamese item, count.</summary>
    public static readonly IReadOnlyList<ResultColumn<(string Key, string Vi, long Count)>> SummaryColumns =
    [
        Text<(string Key, string Vi, long Count)>("key", "Khoá", "Key", s => s.Key),
        Text<(string Key, string Vi, long Count)>("item_vi", "Mục", "Item (Vietnamese)", s => s.Vi),
        Integer<(string Key, string Vi, long Count)>("count", "Số lượng", "Count", s => s.Count),
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
