using Facilities.Core.Catchment;
using Facilities.Core.Presentation;

namespace Facilities.IO.Results;

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
        new("ward_code", "Mã xã/phường", r => r.WardCode),
        new("ward_name", "Tên xã/phường", r => r.WardName),
        ViColumn.Label<CatchmentWardRow>("unit_type", "Loại đơn vị", Labels.UnitType, r => r.UnitType),
        new("level", "Cấp học", r => r.Level),
        new("year", "Năm", r => (long)r.Year),
        ViColumn.People<CatchmentWardRow>("pupils", "Số học sinh", r => Round(r.Pupils)),
        new("classes_needed", "Số lớp cần (cho HS chưa có chỗ)", r => r.ClassesNeeded),
        new("rooms_needed", "Phòng học cần (cho HS chưa có chỗ)", r => r.RoomsNeeded),
        new("rooms_available", "Phòng học trong xã/phường", r => r.RoomsAvailable),
        new("deficit_rooms", "Thiếu phòng học", r => r.RoomsNeeded),
        ViColumn.People<CatchmentWardRow>("allocated_pupils", "Học sinh có chỗ trong bán kính", r => Round(r.Allocated)),
        ViColumn.People<CatchmentWardRow>("unserved_pupils", "Học sinh chưa có chỗ", r => Round(r.Unserved)),
        ViColumn.People<CatchmentWardRow>("beyond_reach_pupils", "Học sinh ngoài bán kính phục vụ", r => Round(r.BeyondReach)),
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
        ViColumn.People<CatchmentSchoolRow>("capacity", "Sức chứa (học sinh)", r => Round(r.Capacity)),
        new("pupils", "Học sinh đang học", r => r.Pupils is long p ? p : ""),
        new("load_ratio", "Tỉ lệ tải (học sinh ÷ sức chứa)", r => r.LoadRatio is double v ? Math.Round(v, 4) : ""),
        ViColumn.People<CatchmentSchoolRow>("allocated", "Học sinh phân bổ (mô hình)", r => Round(r.Allocated)),
        new("allocated_ratio", "Tỉ lệ phân bổ (phân bổ ÷ sức chứa)", r => Math.Round(r.AllocatedRatio, 4)),
    ];

    /// <summary>Ward columns added up in the totals row of each level's sheet.</summary>
    public static readonly IReadOnlyCollection<string> WardTotals =
        ["pupils", "classes_needed", "rooms_needed", "rooms_available", "deficit_rooms", "allocated_pupils", "unserved_pupils", "beyond_reach_pupils", "schools_in_data"];

    /// <summary>The summary sheet: per level, pupils (whole people), where they found a place, rooms and schools over capacity.</summary>
    public static List<Dictionary<string, object>> Summary(CatchmentResult result) =>
    [
        .. result.Options.Levels.Select(level =>
        {
            var wards = result.Wards.Where(w => w.Level == level).ToList();
            var schools = result.Schools.Where(s => s.Level == level).ToList();
            return new Dictionary<string, object>
            {
                ["Cấp học"] = Labels.Level.Vi(level),
                ["Năm"] = (long)result.Options.Year,
                ["Số học sinh"] = Whole(wards.Sum(w => w.Pupils)),
                ["Học sinh có chỗ trong bán kính"] = Whole(wards.Sum(w => w.Allocated)),
                ["Học sinh chưa có chỗ"] = Whole(wards.Sum(w => w.Unserved)),
                ["Học sinh ngoài bán kính phục vụ"] = Whole(wards.Sum(w => w.BeyondReach)),
                ["Phòng học cần (cho HS chưa có chỗ)"] = wards.Sum(w => w.RoomsNeeded),
                ["Phòng học hiện có"] = wards.Sum(w => w.RoomsAvailable),
                ["Số trường"] = (long)schools.Count,
                ["Số trường quá tải"] = (long)schools.Count(s => s.AllocatedRatio > 1 + 1e-9),
                ["Số xã/phường không có dữ liệu trường"] = (long)wards.Count(w => w.SchoolsInData == 0),
            };
        }),
    ];

    // Whole people, for the summary a person reads; the exact figures stay in the CSV.
    private static long Whole(double v) => (long)Math.Round(v, MidpointRounding.AwayFromZero);

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
