namespace Facilities.Core.Presentation;

/// <summary>
/// The one table of labels for coded values shown to people: the XLSX writers, the console, the PNG maps, the
/// proposal dossier read it, and the web client's i18n files are checked against it word for word (I18nLabelsTests).
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

    /// <summary>Methods of the deficit and teacher computations.</summary>
    public static readonly Vocabulary Method = new("method",
    [
        ("admin", "Theo địa giới hành chính", "By administrative boundary"),
        ("catchment", "Theo vùng phục vụ", "By catchment"),
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

    /// <summary>
    /// Units of the built-in norms (norms.vn.json writes them in English): the Vietnamese the norms sheet and the dossier
    /// show. A unit of a city's own norms file that is not listed is shown as written.
    /// </summary>
    public static readonly Vocabulary NormUnit = new("norm_unit",
    [
        ("1 = state land of this use may become a school site", "1 = đất nhà nước loại này được dùng làm trường", "1 = state land of this use may become a school site"),
        ("English teachers per class", "GV tiếng Anh/lớp", "English teachers per class"),
        ("ICT teachers per class", "GV tin học/lớp", "ICT teachers per class"),
        ("children per class", "trẻ/lớp", "children per class"),
        ("classes per school", "lớp/trường", "classes per school"),
        ("classes", "lớp", "classes"),
        ("classrooms", "phòng học", "classrooms"),
        ("m across (diameter of the largest inscribed circle)", "m bề rộng (đường kính hình tròn nội tiếp lớn nhất)", "m across (diameter of the largest inscribed circle)"),
        ("m from an industrial zone's boundary to a school site", "m từ ranh giới khu công nghiệp đến địa điểm trường", "m from an industrial zone's boundary to a school site"),
        ("m", "m", "m"),
        ("m² of floor per classroom", "m² sàn/phòng học", "m² of floor per classroom"),
        ("m² of site per child", "m² khuôn viên/trẻ", "m² of site per child"),
        ("m² of site per pupil", "m² khuôn viên/học sinh", "m² of site per pupil"),
        ("m² per child in urban areas class III+", "m²/trẻ ở đô thị loại III trở lên", "m² per child in urban areas class III+"),
        ("m² per pupil in urban areas class III+", "m²/học sinh ở đô thị loại III trở lên", "m² per pupil in urban areas class III+"),
        ("places per 1,000 residents", "chỗ học/1.000 dân", "places per 1,000 residents"),
        ("pupils per class", "học sinh/lớp", "pupils per class"),
        ("pupils per toilet meeting the standard", "học sinh/chỗ vệ sinh đạt chuẩn", "pupils per toilet meeting the standard"),
        ("residents of worker housing per worker", "người ở nhà ở công nhân/công nhân", "residents of worker housing per worker"),
        ("rooms per class", "phòng/lớp", "rooms per class"),
        ("rooms per school", "phòng/trường", "rooms per school"),
        ("share of age group enrolled", "tỉ lệ trẻ trong độ tuổi đi học", "share of age group enrolled"),
        ("share of population aged 3–5", "tỉ lệ dân số 3–5 tuổi", "share of population aged 3–5"),
        ("share of population aged 6–10", "tỉ lệ dân số 6–10 tuổi", "share of population aged 6–10"),
        ("share of population aged 11–14", "tỉ lệ dân số 11–14 tuổi", "share of population aged 11–14"),
        ("share of population aged 15–17", "tỉ lệ dân số 15–17 tuổi", "share of population aged 15–17"),
        ("teachers per class", "GV/lớp", "teachers per class"),
        ("teachers per class (two sessions a day)", "GV/lớp (học 2 buổi/ngày)", "teachers per class (two sessions a day)"),
        ("teachers per mẫu giáo class", "GV/lớp mẫu giáo", "teachers per mẫu giáo class"),
        ("VND per m² of floor", "đồng/m² sàn", "VND per m² of floor"),
        ("VND per m² of land", "đồng/m² đất", "VND per m² of land"),
    ]);

    /// <summary>Every vocabulary whose web i18n keys are &lt;key&gt;.&lt;code&gt; (yes/no has bare keys there), for the labels endpoint and the i18n check.</summary>
    public static readonly IReadOnlyList<Vocabulary> All = [UnitType, Level, Method, Compliance, Check, Ownership, OwnerType, DataStatus];
}
