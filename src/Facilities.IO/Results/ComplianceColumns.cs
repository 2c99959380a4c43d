using Facilities.Core.Compliance;
using Facilities.Core.Presentation;

namespace Facilities.IO.Results;

/// <summary>Columns of compliance outputs: for each check its status, the school's value, the norm's value and the gap.</summary>
public static class ComplianceColumns
{
    /// <summary>Every column, in output order.</summary>
    public static readonly IReadOnlyList<ResultColumn<ComplianceRow>> All = Build();

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
            new("school_id", "Mã trường", r => r.SchoolId),
            new("school_name", "Tên trường", r => r.SchoolName),
            new("level", "Cấp học", r => r.Level),
            new("ward_code", "Mã xã/phường", r => r.WardCode),
        };
        var vi = new Dictionary<string, string>
        {
            ["site_area"] = "Diện tích khuôn viên (m²)",
            ["classrooms"] = "Phòng học",
            ["subject_rooms"] = "Phòng bộ môn",
            ["sports_ground"] = "Sân chơi, bãi tập (m²)",
            ["toilets"] = "Chỗ vệ sinh học sinh đạt chuẩn",
        };
        foreach (var name in ComplianceChecker.CheckNames)
        {
            columns.Add(ViColumn.Label<ComplianceRow>(name, vi[name] + ": kết quả", Labels.Compliance, r => StatusText(r[name].Status)));
            columns.Add(new(name + "_actual", vi[name] + ": hiện có", r => Num(r[name].Actual)));
            columns.Add(new(name + "_required", vi[name] + ": định mức", r => Num(r[name].Required)));
            columns.Add(new(name + "_gap", vi[name] + ": chênh lệch", r => Num(r[name].Gap)));
        }

        return columns;
    }

    private static object Num(double? v) => v is double d ? Math.Round(d, 2) : "";
}
