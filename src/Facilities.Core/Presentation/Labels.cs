namespace Facilities.Core.Presentation;

/// <summary>
/// The one table of labels for coded values shown to people: the XLSX writers, the console, the PNG maps, the
/// proposal dossier and (through /api/labels and the i18n files checked against it) the web client all read it.
/// </summary>
public static class Labels
{
    /// <summary>Administrative unit types (wards.unit_type).</summary>
    public static readonly Vocabulary UnitType = new("unit_type",
    [
        ("phuong", "Phường", "Ward"),
        ("xa", "Xã", "Commune"),
        ("dac_khu", "Đặc khu", "Special zone"),
    ]);

    /// <summary>School levels.</summary>
    public static readonly Vocabulary Level = new("level",
    [
        ("mam_non", "Mầm non", "Preschool"),
        ("tieu_hoc", "Tiểu học", "Primary"),
        ("thcs", "THCS", "Lower secondary"),
        ("thpt", "THPT", "Upper secondary"),
    ]);

    /// <summary>Compliance check outcomes.</summary>
    public static readonly Vocabulary Compliance = new("compliance",
    [
        ("pass", "Đạt", "Pass"),
        ("fail", "Không đạt", "Fail"),
        ("unknown", "Chưa rõ", "Unknown"),
        ("n/a", "Không áp dụng", "Not applicable"),
    ]);

    /// <summary>Compliance checks (the criteria).</summary>
    public static readonly Vocabulary Check = new("check",
    [
        ("site_area", "Diện tích khuôn viên", "Site area"),
        ("classrooms", "Phòng học", "Classrooms"),
        ("subject_rooms", "Phòng bộ môn", "Subject rooms"),
        ("sports_ground", "Sân chơi, bãi tập", "Sports ground"),
        ("toilets", "Chỗ vệ sinh học sinh đạt chuẩn", "Pupil toilets"),
    ]);

    /// <summary>School ownership (schools.ownership).</summary>
    public static readonly Vocabulary Ownership = new("ownership",
    [
        ("public", "Công lập", "Public"),
        ("private", "Tư thục", "Private"),
    ]);

    /// <summary>Land user type (parcels.owner_type).</summary>
    public static readonly Vocabulary OwnerType = new("owner_type",
    [
        ("state", "Nhà nước", "State"),
        ("organisation", "Tổ chức", "Organisation"),
        ("household", "Hộ gia đình, cá nhân", "Household or individual"),
    ]);

    /// <summary>Whether a ward's schools are in the data (data_status).</summary>
    public static readonly Vocabulary DataStatus = new("data_status",
    [
        ("ok", "có dữ liệu", "data present"),
        ("no_school_data", "không có dữ liệu", "no data"),
    ]);

    /// <summary>Yes/no flags (merged sites).</summary>
    public static readonly Vocabulary YesNo = new("yes_no",
    [
        ("yes", "Có", "Yes"),
        ("no", "Không", "No"),
    ]);

    /// <summary>Every vocabulary whose web i18n keys are &lt;key&gt;.&lt;code&gt; (yes/no has bare keys there), for the labels endpoint and the i18n check.</summary>
    public static readonly IReadOnlyList<Vocabulary> All = [UnitType, Level, Compliance, Check, Ownership, OwnerType, DataStatus];
}
