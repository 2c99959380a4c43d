using Facilities.Core.Compliance;
using Facilities.Core.Presentation;
using Facilities.Core.Results;
using Facilities.Reports.Styles;
using static Facilities.Core.Results.ResultColumns;

namespace Facilities.Application.Results;

/// <summary>Columns of compliance outputs: for each check its status, the school's value, the norm's value and the gap.</summary>
public static class ComplianceColumns
{
    /// <summary>Every column, in output order.</summary>
    public static readonly IReadOnlyList<ResultColumn<ComplianceRow>> All = Build();

    /// <summary>The columns of the map and the GeoPackage: every column, then each school's overall status as Core decides it (the map colours by it).</summary>
    public static readonly IReadOnlyList<ResultColumn<ComplianceRow>> WithOverall =
        [.. All, Text<ComplianceRow>(SchoolStatusStyle.Field, "Kết quả chung", "Overall result", r => StatusText(r.Overall))];

    /// <summary>Status code as written: pass, fail, unknown, n/a.</summary>
    public static string StatusText(CheckStatus s) => s switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.Unknown => "unknown",
        _ => "n/a",
    };

    private static List<ResultColumn<ComplianceRow>> Build()
    {
        var columns = new List<ResultColumn<ComplianceRow>>
        {
            Text<ComplianceRow>("school_id", "Mã trường", "School id", r => r.SchoolId),
            Text<ComplianceRow>("school_name", "Tên trường", "School name", r => r.SchoolName),
            Level<ComplianceRow>(r => r.Level),
            Text<ComplianceRow>("ward_code", "Mã xã/phường", "Ward code", r => r.WardCode),
        };
        var labels = new Dictionary<string, (string Vi, string En, string? Unit)>
        {
            ["site_area"] = ("Diện tích khuôn viên (m²)", "Site area (m²)", "m²"),
            ["classrooms"] = ("Phòng học", "Classrooms", "phòng / rooms"),
            ["subject_rooms"] = ("Phòng bộ môn", "Subject rooms", "phòng / rooms"),
            ["sports_ground"] = ("Sân chơi, bãi tập (m²)", "Sports ground (m²)", "m²"),
            ["toilets"] = ("Chỗ vệ sinh học sinh đạt chuẩn", "Pupil toilets to standard", null),
        };
        foreach (var name in ComplianceChecker.CheckNames)
        {
            var (vi, en, unit) = labels[name];
            columns.Add(Label<ComplianceRow>(name, vi + ": kết quả", en + ": result", Labels.Compliance, r => StatusText(r[name].Status)));
            columns.Add(Number<ComplianceRow>(name + "_actual", vi + ": hiện có", en + ": actual", r => Num(r[name].Actual), unit));
            columns.Add(Number<ComplianceRow>(name + "_required", vi + ": định mức", en + ": required", r => Num(r[name].Required), unit));
            columns.Add(Number<ComplianceRow>(name + "_gap", vi + ": chênh lệch", en + ": gap", r => Num(r[name].Gap), unit));
        }

        return columns;
    }

    private static double? Num(double? v) => v is double d ? Math.Round(d, 2) : null;
}
