using System.Globalization;
using Facilities.Core.Deficit;

namespace Facilities.IO.Results;

/// <summary>
/// The columns of deficit outputs, in order, with their English (CSV, GeoPackage) and Vietnamese (XLSX) headers.
/// One definition so CSV, XLSX and GeoPackage say the same thing.
/// </summary>
public static class DeficitColumns
{
    /// <summary>(name, Vietnamese header, value) for every column.</summary>
    public static readonly IReadOnlyList<(string Name, string Vi, Func<DeficitRow, object> Value)> All =
    [
        ("ward_code", "Mã xã/phường", r => r.WardCode),
        ("ward_name", "Tên xã/phường", r => r.WardName),
        ("unit_type", "Loại đơn vị", r => r.UnitType),
        ("level", "Cấp học", r => r.Level),
        ("year", "Năm", r => (long)r.Year),
        ("pupils", "Số học sinh", r => r.Pupils),
        ("classes_needed", "Số lớp cần", r => r.ClassesNeeded),
        ("rooms_needed", "Phòng học cần", r => r.RoomsNeeded),
        ("rooms_available", "Phòng học hiện có", r => r.RoomsAvailable),
        ("deficit_rooms", "Thiếu (+) / thừa (−) phòng học", r => r.DeficitRooms),
        ("school_age_residents", "Dân số trong độ tuổi", r => Round(r.SchoolAgeResidents)),
        ("residents_source", "Nguồn dân số độ tuổi", r => r.ResidentsSource),
        ("resident_pupils", "Học sinh từ dân cư hiện có", r => Round(r.ResidentPupils)),
        ("urban_area_pupils", "Học sinh từ khu đô thị mới", r => Round(r.UrbanAreaPupils)),
        ("industrial_zone_pupils", "Học sinh từ khu công nghiệp", r => Round(r.IndustrialZonePupils)),
        ("class_cap", "Sĩ số tối đa/lớp", r => (long)r.ClassCap),
        ("room_ratio", "Phòng/lớp", r => (double)r.RoomRatio),
        ("schools", "Số trường", r => (long)r.Schools),
        ("subject_rooms_required", "Phòng bộ môn cần", r => r.SubjectRoomsRequired),
        ("subject_rooms_available", "Phòng bộ môn có", r => r.SubjectRoomsAvailable),
        ("subject_rooms_deficit", "Thiếu phòng bộ môn", r => r.SubjectRoomsDeficit),
        ("subject_rooms_unknown", "Trường chưa rõ phòng bộ môn", r => (long)r.SubjectRoomsUnknown),
    ];

    /// <summary>Vietnamese names of the levels.</summary>
    public static string LevelVi(string level) => level switch
    {
        "mam_non" => "Mầm non",
        "tieu_hoc" => "Tiểu học",
        "thcs" => "THCS",
        "thpt" => "THPT",
        _ => level,
    };

    /// <summary>Invariant text of a value, as CSV writes it.</summary>
    public static string Text(object value) => value switch
    {
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Four decimals: enough to re-add the components, short enough to read; reproducible text.
    private static double Round(decimal v) => (double)Math.Round(v, 4, MidpointRounding.AwayFromZero);
}
