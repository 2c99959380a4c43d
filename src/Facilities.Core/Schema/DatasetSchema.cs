using Facilities.Core.Features;

namespace Facilities.Core.Schema;

/// <summary>
/// The five layers of a dataset and their fields: the contract other parts and users rely on (docs/schema.md).
/// Fields may be added freely; these names may not change.
/// </summary>
public static class DatasetSchema
{
    /// <summary>School levels: preschool (ages 3–5), primary (6–10), lower secondary (11–14), upper secondary (15–17).</summary>
    public static readonly IReadOnlyList<string> Levels = ["mam_non", "tieu_hoc", "thcs", "thpt"];

    /// <summary>Commune-level unit types since 1 July 2025 (Resolution 1669/NQ-UBTVQH15 for Hải Phòng).</summary>
    public static readonly IReadOnlyList<string> UnitTypes = ["phuong", "xa", "dac_khu"];

    /// <summary>
    /// States of a school's land-use right certificate (GCN QSDĐ): issued, being processed, none. Datasets
    /// written before 2026-12 store "yes"/"no"; <see cref="CertificateIssued"/> reads both.
    /// </summary>
    public static readonly IReadOnlyList<string> LandCertificates = ["issued", "in_progress", "none"];

    /// <summary>Whether a stored land_certificate value means the certificate is issued ("issued", or the older "yes").</summary>
    public static bool CertificateIssued(string? value) => value?.Trim() is "issued" or "yes";

    /// <summary>Administrative units: phường, xã, đặc khu.</summary>
    public static readonly LayerSchema Wards = new("wards", GeometryKind.Polygon, "code",
    [
        new("code", FieldType.Text, true, "official 5-digit unit code (GSO)") { DescriptionVi = "mã đơn vị hành chính 5 chữ số" },
        new("name", FieldType.Text, true, "unit name") { DescriptionVi = "tên đơn vị" },
        new("unit_type", FieldType.Text, true, "phuong | xa | dac_khu") { DescriptionVi = "loại: phuong | xa | dac_khu", AllowedValues = UnitTypes },
        new("population", FieldType.Integer, true, "residents") { DescriptionVi = "dân số", NonNegative = true },
        new("pop_mam_non", FieldType.Integer, false, "residents aged 3-5") { DescriptionVi = "dân số 3-5 tuổi", NonNegative = true },
        new("pop_tieu_hoc", FieldType.Integer, false, "residents aged 6-10") { DescriptionVi = "dân số 6-10 tuổi", NonNegative = true },
        new("pop_thcs", FieldType.Integer, false, "residents aged 11-14") { DescriptionVi = "dân số 11-14 tuổi", NonNegative = true },
        new("pop_thpt", FieldType.Integer, false, "residents aged 15-17") { DescriptionVi = "dân số 15-17 tuổi", NonNegative = true },
        new("area_m2", FieldType.Real, false, "area in square metres, computed in the dataset's metric CRS") { DescriptionVi = "diện tích (m²)", NonNegative = true, Derived = true },
    ]);

    /// <summary>Schools, one row per level; point or site polygon.</summary>
    public static readonly LayerSchema Schools = new("schools", GeometryKind.PointOrPolygon, "id",
    [
        new("id", FieldType.Text, true, "school identifier (one row per level)") { DescriptionVi = "mã trường (mỗi cấp học một dòng)" },
        new("name", FieldType.Text, true, "school name") { DescriptionVi = "tên trường" },
        new("level", FieldType.Text, true, "mam_non | tieu_hoc | thcs | thpt") { DescriptionVi = "cấp học: mam_non | tieu_hoc | thcs | thpt", AllowedValues = Levels },
        new("classrooms", FieldType.Integer, true, "usable general classrooms") { DescriptionVi = "số phòng học dùng được", NonNegative = true },
        new("subject_rooms", FieldType.Integer, false, "subject (specialised) rooms") { DescriptionVi = "số phòng bộ môn", NonNegative = true },
        new("classes", FieldType.Integer, false, "classes (groups) taught") { DescriptionVi = "số lớp (nhóm)", NonNegative = true },
        new("pupils", FieldType.Integer, false, "enrolled pupils or children") { DescriptionVi = "số học sinh (trẻ)", NonNegative = true },
        new("site_area_m2", FieldType.Real, false, "site area in square metres (computed for a polygon site when absent)") { DescriptionVi = "diện tích khuôn viên (m²)", NonNegative = true, Derived = true },
        new("ownership", FieldType.Text, false, "public | private") { DescriptionVi = "loại hình: public | private", AllowedValues = ["public", "private"] },
        new("ward_code", FieldType.Text, false, "code of the ward the school lies in (derived spatially when absent)") { DescriptionVi = "mã phường/xã nơi trường đóng", Derived = true },
        new("land_certificate", FieldType.Text, false, "land-use right certificate: issued | in_progress | none") { DescriptionVi = "giấy chứng nhận QSDĐ: issued (đã cấp) | in_progress (đang làm thủ tục) | none (chưa cấp)", AllowedValues = LandCertificates },
        new("teachers", FieldType.Integer, false, "teachers (absent: unknown, never zero)") { DescriptionVi = "số giáo viên (trống: chưa rõ)", NonNegative = true },
        new("teachers_english", FieldType.Integer, false, "English teachers") { DescriptionVi = "giáo viên tiếng Anh", NonNegative = true },
        new("teachers_it", FieldType.Integer, false, "computing (ICT) teachers") { DescriptionVi = "giáo viên tin học", NonNegative = true },
        new("sports_ground_m2", FieldType.Real, false, "play and sports ground area, square metres") { DescriptionVi = "diện tích sân chơi, bãi tập (m²)", NonNegative = true },
        new("standard_toilets", FieldType.Integer, false, "pupil toilets (seats) meeting the standard") { DescriptionVi = "số chỗ vệ sinh học sinh đạt chuẩn", NonNegative = true },
        new("temporary_rooms", FieldType.Integer, false, "of the classrooms, temporary rooms (absent: no data, never zero)") { DescriptionVi = "trong số phòng học, số phòng học tạm (trống: chưa có dữ liệu)", NonNegative = true },
        new("degraded_rooms", FieldType.Integer, false, "of the classrooms, degraded rooms to be rebuilt (absent: no data, never zero)") { DescriptionVi = "trong số phòng học, số phòng học xuống cấp cần xây lại (trống: chưa có dữ liệu)", NonNegative = true },
    ]);

    /// <summary>New urban areas (khu đô thị mới).</summary>
    public static readonly LayerSchema UrbanAreas = new("urban_areas", GeometryKind.Polygon, "id",
    [
        new("id", FieldType.Text, true, "project identifier") { DescriptionVi = "mã dự án" },
        new("name", FieldType.Text, true, "project name") { DescriptionVi = "tên dự án" },
        new("planned_population", FieldType.Integer, true, "residents at completion") { DescriptionVi = "dân số quy hoạch khi hoàn thành", NonNegative = true },
        new("start_year", FieldType.Integer, true, "first year residents move in") { DescriptionVi = "năm bắt đầu có dân" },
        new("completion_year", FieldType.Integer, true, "year the planned population is reached") { DescriptionVi = "năm đạt dân số quy hoạch" },
        new("reserved_school_land_m2", FieldType.Real, false, "land reserved for schools, square metres") { DescriptionVi = "đất dành cho trường học (m²)", NonNegative = true },
        new("area_m2", FieldType.Real, false, "area in square metres") { DescriptionVi = "diện tích (m²)", NonNegative = true, Derived = true },
    ]);

    /// <summary>Industrial zones and parks (khu công nghiệp).</summary>
    public static readonly LayerSchema IndustrialZones = new("industrial_zones", GeometryKind.Polygon, "id",
    [
        new("id", FieldType.Text, true, "zone identifier") { DescriptionVi = "mã khu công nghiệp" },
        new("name", FieldType.Text, true, "zone name") { DescriptionVi = "tên khu công nghiệp" },
        new("area_ha", FieldType.Real, false, "area in hectares (computed when absent)") { DescriptionVi = "diện tích (ha)", NonNegative = true, Derived = true },
        new("workers", FieldType.Integer, true, "workers employed") { DescriptionVi = "số lao động", NonNegative = true },
        new("start_year", FieldType.Integer, false, "first year of the worker housing (absent: already there)") { DescriptionVi = "năm bắt đầu có nhà ở công nhân" },
        new("completion_year", FieldType.Integer, false, "year the worker housing is full") { DescriptionVi = "năm nhà ở công nhân đủ người" },
        new("worker_housing_population", FieldType.Integer, false, "residents of the zone's worker housing") { DescriptionVi = "dân số nhà ở công nhân", NonNegative = true },
    ]);

    /// <summary>Land parcels (thửa đất).</summary>
    public static readonly LayerSchema Parcels = new("parcels", GeometryKind.Polygon, "id",
    [
        new("id", FieldType.Text, true, "parcel identifier (map sheet / parcel number)") { DescriptionVi = "số hiệu thửa đất" },
        new("land_use", FieldType.Text, true, "current land-use code (DGD, ODT, ONT, LUC, SKC, DHT ...)") { DescriptionVi = "loại đất hiện trạng (DGD, ODT, ONT, LUC, SKC, DHT …)" },
        new("planned_land_use", FieldType.Text, false, "planned land-use code") { DescriptionVi = "loại đất quy hoạch" },
        new("owner_type", FieldType.Text, false, "state | organisation | household") { DescriptionVi = "đối tượng sử dụng: state | organisation | household", AllowedValues = ["state", "organisation", "household"] },
        new("area_m2", FieldType.Real, false, "area in square metres (computed when absent)") { DescriptionVi = "diện tích (m²)", NonNegative = true, Derived = true },
    ]);

    /// <summary>All layers in dependency order (wards first: schools are linked to them).</summary>
    public static readonly IReadOnlyList<LayerSchema> Layers = [Wards, Schools, UrbanAreas, IndustrialZones, Parcels];

    /// <summary>The layer with this name, or null.</summary>
    public static LayerSchema? Find(string name) => Layers.FirstOrDefault(l => l.Name == name);

    /// <summary>The layer with this name, or an <see cref="ArgumentException"/> listing the layer names.</summary>
    public static LayerSchema Get(string name) => Find(name)
        ?? throw new ArgumentException($"unknown layer '{name}'; layers are {string.Join(", ", Layers.Select(l => l.Name))}");
}
