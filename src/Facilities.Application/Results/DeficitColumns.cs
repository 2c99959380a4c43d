using Facilities.Core.Deficit;
using Facilities.Core.Presentation;
using Facilities.Core.Results;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>The columns of the administrative deficit, in output order (docs/deficit.md): one row per ward and level.</summary>
public static class DeficitColumns
{
    /// <summary>Every column, in output order.</summary>
    public static readonly IReadOnlyList<ResultColumn<DeficitRow>> All =
    [
        Text<DeficitRow>("ward_code", "Mã xã/phường", "Ward code", r => r.WardCode),
        Text<DeficitRow>("ward_name", "Tên xã/phường", "Ward name", r => r.WardName),
        Label<DeficitRow>("unit_type", "Loại đơn vị", "Unit type", Labels.UnitType, r => r.UnitType),
        Level<DeficitRow>(r => r.Level),
        Integer<DeficitRow>("year", "Năm", "Year", r => r.Year),
        Integer<DeficitRow>("pupils", "Số học sinh", "Pupils", r => r.Pupils, "học sinh / pupils"),
        Integer<DeficitRow>("classes_needed", "Số lớp cần", "Classes needed", r => r.ClassesNeeded, "lớp / classes"),
        Integer<DeficitRow>("rooms_needed", "Phòng học cần", "Classrooms needed", r => r.RoomsNeeded, "phòng / rooms"),
        Integer<DeficitRow>("rooms_available", "Phòng học hiện có", "Classrooms available", r => r.RoomsAvailable, "phòng / rooms"),
        Integer<DeficitRow>("deficit_rooms", "Thiếu (+) / thừa (−) phòng học", "Classrooms short (+) / spare (−)", r => r.DeficitRooms, "phòng / rooms"),
        People<DeficitRow>("school_age_residents", "Dân số trong độ tuổi", "Residents of school age", r => Round(r.SchoolAgeResidents)),
        Text<DeficitRow>("residents_source", "Nguồn dân số độ tuổi", "Source of the school-age residents", r => r.ResidentsSource),
        People<DeficitRow>("resident_pupils", "Học sinh từ dân cư hiện có", "Pupils from today's residents", r => Round(r.ResidentPupils)),
        People<DeficitRow>("urban_area_pupils", "Học sinh từ khu đô thị mới", "Pupils from new urban areas", r => Round(r.UrbanAreaPupils)),
        People<DeficitRow>("industrial_zone_pupils", "Học sinh từ khu công nghiệp", "Pupils from industrial zones", r => Round(r.IndustrialZonePupils)),
        Integer<DeficitRow>("class_cap", "Sĩ số tối đa/lớp", "Class size cap", r => r.ClassCap, "học sinh / pupils"),
        Ratio<DeficitRow>("room_ratio", "Phòng/lớp", "Rooms per class", r => (double)r.RoomRatio),
        Integer<DeficitRow>("schools", "Số trường", "Schools", r => r.Schools),
        Integer<DeficitRow>("subject_rooms_required", "Phòng bộ môn cần", "Subject rooms required", r => r.SubjectRoomsRequired, "phòng / rooms"),
        Integer<DeficitRow>("subject_rooms_available", "Phòng bộ môn có", "Subject rooms available", r => r.SubjectRoomsAvailable, "phòng / rooms"),
        Integer<DeficitRow>("subject_rooms_deficit", "Thiếu phòng bộ môn", "Subject rooms short", r => r.SubjectRoomsDeficit, "phòng / rooms"),
        Integer<DeficitRow>("subject_rooms_unknown", "Trường chưa rõ phòng bộ môn", "Schools with subject rooms unknown", r => r.SubjectRoomsUnknown),
        Integer<DeficitRow>("schools_in_data", "Số trường trong dữ liệu (mọi loại hình)", "Schools in the data (any ownership)", r => r.SchoolsInData),
        DataStatus<DeficitRow>("data_status", "Dữ liệu trường", "School data", r => r.DataStatus),
    ];

    // Four decimals: enough to re-add the components, short enough to read; reproducible text.
    private static double Round(decimal v) => (double)Math.Round(v, 4, MidpointRounding.AwayFromZero);
}
