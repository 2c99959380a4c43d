using Facilities.Core.Catchment;
using Facilities.Core.Presentation;
using Facilities.Core.Results;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>
/// Columns of catchment outputs: per ward (the deficit columns first) and per school. One meaning per name across
/// methods and hosts: <c>load_ratio</c> is enrolled pupils ÷ capacity (as on the map's schools layer);
/// <c>allocated</c> and <c>allocated_ratio</c> are what the catchment model sends a school and that ÷ capacity.
/// </summary>
public static class CatchmentColumns
{
    /// <summary>Ward rows.</summary>
    public static readonly IReadOnlyList<ResultColumn<CatchmentWardRow>> Wards =
    [
        Text<CatchmentWardRow>("ward_code", "Mã xã/phường", "Ward code", r => r.WardCode),
        Text<CatchmentWardRow>("ward_name", "Tên xã/phường", "Ward name", r => r.WardName),
        Label<CatchmentWardRow>("unit_type", "Loại đơn vị", "Unit type", Labels.UnitType, r => r.UnitType),
        Level<CatchmentWardRow>(r => r.Level),
        Integer<CatchmentWardRow>("year", "Năm", "Year", r => r.Year),
        People<CatchmentWardRow>("pupils", "Số học sinh", "Pupils", r => Round(r.Pupils)),
        Integer<CatchmentWardRow>("classes_needed", "Số lớp cần (cho HS chưa có chỗ)", "Classes needed (for pupils without a place)", r => r.ClassesNeeded, "lớp / classes"),
        Integer<CatchmentWardRow>("rooms_needed", "Phòng học cần (cho HS chưa có chỗ)", "Classrooms needed (for pupils without a place)", r => r.RoomsNeeded, "phòng / rooms"),
        Integer<CatchmentWardRow>("rooms_available", "Phòng học trong xã/phường", "Classrooms in the ward", r => r.RoomsAvailable, "phòng / rooms"),
        Integer<CatchmentWardRow>("deficit_rooms", "Thiếu phòng học", "Classrooms short", r => r.RoomsNeeded, "phòng / rooms"),
        People<CatchmentWardRow>("allocated_pupils", "Học sinh có chỗ trong bán kính", "Pupils with a place within reach", r => Round(r.Allocated)),
        People<CatchmentWardRow>("unserved_pupils", "Học sinh chưa có chỗ", "Pupils without a place", r => Round(r.Unserved)),
        People<CatchmentWardRow>("beyond_reach_pupils", "Học sinh ngoài bán kính phục vụ", "Pupils beyond the service radius", r => Round(r.BeyondReach)),
        Ratio<CatchmentWardRow>("accessibility", "Chỗ học/học sinh (E2SFCA)", "Places per pupil (E2SFCA)", r => Math.Round(r.Accessibility, 4)),
        Integer<CatchmentWardRow>("schools_in_data", "Số trường trong dữ liệu (mọi loại hình)", "Schools in the data (any ownership)", r => r.SchoolsInData),
        DataStatus<CatchmentWardRow>("data_status", "Dữ liệu trường", "School data", r => r.DataStatus),
    ];

    /// <summary>School rows.</summary>
    public static readonly IReadOnlyList<ResultColumn<CatchmentSchoolRow>> Schools =
    [
        Text<CatchmentSchoolRow>("school_id", "Mã trường", "School id", r => r.Id),
        Text<CatchmentSchoolRow>("school_name", "Tên trường", "School name", r => r.Name),
        Level<CatchmentSchoolRow>(r => r.Level),
        Text<CatchmentSchoolRow>("ward_code", "Mã xã/phường", "Ward code", r => r.WardCode),
        Integer<CatchmentSchoolRow>("classrooms", "Phòng học", "Classrooms", r => r.Classrooms, "phòng / rooms"),
        People<CatchmentSchoolRow>("capacity", "Sức chứa (học sinh)", "Capacity (pupils)", r => Round(r.Capacity)),
        Integer<CatchmentSchoolRow>("pupils", "Học sinh đang học", "Pupils enrolled", r => r.Pupils, "học sinh / pupils"),
        Ratio<CatchmentSchoolRow>("load_ratio", "Tỉ lệ tải (học sinh ÷ sức chứa)", "Load (pupils ÷ capacity)", r => r.LoadRatio is double v ? Math.Round(v, 4) : null),
        People<CatchmentSchoolRow>("allocated", "Học sinh phân bổ (mô hình)", "Pupils allocated (model)", r => Round(r.Allocated)),
        Ratio<CatchmentSchoolRow>("allocated_ratio", "Tỉ lệ phân bổ (phân bổ ÷ sức chứa)", "Allocated ÷ capacity", r => Math.Round(r.AllocatedRatio, 4)),
    ];

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
