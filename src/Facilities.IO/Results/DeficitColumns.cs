using Facilities.Core.Deficit;
using Facilities.Core.Presentation;

namespace Facilities.IO.Results;

/// <summary>
/// The columns of deficit outputs, in order, with their English (CSV, GeoPackage) and Vietnamese (XLSX) headers.
/// One definition so CSV, XLSX and GeoPackage say the same thing.
/// </summary>
public static class DeficitColumns
{
    /// <summary>Every column, in output order.</summary>
    public static readonly IReadOnlyList<ResultColumn<DeficitRow>> All =
    [
        new("ward_code", "Mã xã/phường", r => r.WardCode),
        new("ward_name", "Tên xã/phường", r => r.WardName),
        ViColumn.Label<DeficitRow>("unit_type", "Loại đơn vị", Labels.UnitType, r => r.UnitType),
        new("level", "Cấp học", r => r.Level),
        new("year", "Năm", r => (long)r.Year),
        new("pupils", "Số học sinh", r => r.Pupils),
        new("classes_needed", "Số lớp cần", r => r.ClassesNeeded),
        new("rooms_needed", "Phòng học cần", r => r.RoomsNeeded),
        new("rooms_available", "Phòng học hiện có", r => r.RoomsAvailable),
        new("deficit_rooms", "Thiếu (+) / thừa (−) phòng học", r => r.DeficitRooms),
        ViColumn.People<DeficitRow>("school_age_residents", "Dân số trong độ tuổi", r => Round(r.SchoolAgeResidents)),
        new("residents_source", "Nguồn dân số độ tuổi", r => r.ResidentsSource),
        ViColumn.People<DeficitRow>("resident_pupils", "Học sinh từ dân cư hiện có", r => Round(r.ResidentPupils)),
        ViColumn.People<DeficitRow>("urban_area_pupils", "Học sinh từ khu đô thị mới", r => Round(r.UrbanAreaPupils)),
        ViColumn.People<DeficitRow>("industrial_zone_pupils", "Học sinh từ khu công nghiệp", r => Round(r.IndustrialZonePupils)),
        new("class_cap", "Sĩ số tối đa/lớp", r => (long)r.ClassCap),
        new("room_ratio", "Phòng/lớp", r => (double)r.RoomRatio),
        new("schools", "Số trường", r => (long)r.Schools),
        new("subject_rooms_required", "Phòng bộ môn cần", r => r.SubjectRoomsRequired),
        new("subject_rooms_available", "Phòng bộ môn có", r => r.SubjectRoomsAvailable),
        new("subject_rooms_deficit", "Thiếu phòng bộ môn", r => r.SubjectRoomsDeficit),
        new("subject_rooms_unknown", "Trường chưa rõ phòng bộ môn", r => (long)r.SubjectRoomsUnknown),
        new("schools_in_data", "Số trường trong dữ liệu (mọi loại hình)", r => Count(r.SchoolsInData)),
        DataStatusColumn.Of<DeficitRow>("data_status", "Dữ liệu trường", r => r.DataStatus),
    ];

    /// <summary>Vietnamese names of the levels.</summary>
    public static string LevelVi(string level) => Labels.Level.Vi(level);

    /// <summary>A count that may not have been made: the number, or an empty cell.</summary>
    public static object Count(int? v) => v is int n ? (long)n : "";

    // Four decimals: enough to re-add the components, short enough to read; reproducible text.
    private static double Round(decimal v) => (double)Math.Round(v, 4, MidpointRounding.AwayFromZero);
}
