using Facilities.Core.Catchment;

namespace Facilities.IO.Results;

/// <summary>Columns of catchment outputs: per ward (the deficit columns first) and per school.</summary>
public static class CatchmentColumns
{
    /// <summary>Ward rows.</summary>
    public static readonly IReadOnlyList<ResultColumn<CatchmentWardRow>> Wards =
    [
        new("ward_code", "Mã xã/phường", r => r.WardCode),
        new("ward_name", "Tên xã/phường", r => r.WardName),
        new("unit_type", "Loại đơn vị", r => r.UnitType),
        new("level", "Cấp học", r => r.Level),
        new("year", "Năm", r => (long)r.Year),
        new("pupils", "Số học sinh", r => Round(r.Pupils)),
        new("classes_needed", "Số lớp cần (cho HS chưa có chỗ)", r => r.ClassesNeeded),
        new("rooms_needed", "Phòng học cần (cho HS chưa có chỗ)", r => r.RoomsNeeded),
        new("rooms_available", "Phòng học trong xã/phường", r => r.RoomsAvailable),
        new("deficit_rooms", "Thiếu phòng học", r => r.RoomsNeeded),
        new("allocated_pupils", "Học sinh có chỗ trong bán kính", r => Round(r.Allocated)),
        new("unserved_pupils", "Học sinh chưa có chỗ", r => Round(r.Unserved)),
        new("accessibility", "Chỗ học/học sinh (E2SFCA)", r => Math.Round(r.Accessibility, 4)),
        new("schools_in_data", "Số trường trong dữ liệu (mọi loại hình)", r => DeficitColumns.Count(r.SchoolsInData)),
        DataStatusColumn.Of<CatchmentWardRow>("data_status", "Dữ liệu trường", r => r.DataStatus),
    ];

    /// <summary>School rows.</summary>
    public static readonly IReadOnlyList<ResultColumn<CatchmentSchoolRow>> Schools =
    [
        new("school_id", "Mã trường", r => r.Id),
        new("school_name", "Tên trường", r => r.Name),
        new("level", "Cấp học", r => r.Level),
        new("ward_code", "Mã xã/phường", r => r.WardCode),
        new("classrooms", "Phòng học", r => r.Classrooms),
        new("capacity", "Sức chứa (học sinh)", r => Round(r.Capacity)),
        new("load", "Học sinh phân bổ", r => Round(r.Load)),
        new("load_ratio", "Tỉ lệ tải", r => Math.Round(r.LoadRatio, 4)),
    ];

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
