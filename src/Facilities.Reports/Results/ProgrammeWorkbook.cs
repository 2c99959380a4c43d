using Facilities.Core.Norms;
using Facilities.Core.Presentation;
using Facilities.Core.Programme;
using Facilities.Core.Provenance;

namespace Facilities.Reports.Results;

/// <summary>
/// The programme as an investment plan list (Danh mục dự án, the shape of a medium-term public investment plan):
/// one row per project with its cost by year, totals per year and per level, the need before and after per ward and
/// year, the scenarios, the norms and the stamp. Money in million VND (triệu đồng), as such lists are kept.
/// </summary>
public static class ProgrammeWorkbook
{
    private const double Million = 1_000_000;

    /// <summary>Writes the workbook atomically.</summary>
    public static void Write(ProgrammeResult result, ResultStamp stamp, NormsSet norms, string path)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Danh mục dự án"] = Projects(result, stamp),
            ["Tổng theo năm"] = ByYear(result),
            ["Tổng theo cấp"] = ByLevel(result),
            ["Thiếu chỗ theo năm"] = Trajectory(result),
            ["Kịch bản"] = Scenarios(result),
            ["Định mức"] = ResultWorkbook.NormsSheet(norms),
            ["Dấu kiểm"] = ResultWorkbook.StampSheet(stamp),
        };
        ResultWorkbook.Save(sheets, path);
    }

    private static List<Dictionary<string, object>> Projects(ProgrammeResult result, ResultStamp stamp)
    {
        var years = result.Base.Instance.Years.ToList();
        var projects = result.Base.Projects();
        var rows = new List<Dictionary<string, object>>();
        var n = 0;
        foreach (var p in projects)
        {
            var a = p.Action;
            var row = new Dictionary<string, object>
            {
                ["STT"] = (long)++n,
                ["Mã dự án"] = a.Id,
                ["Tên dự án"] = a.Name,
                ["Loại"] = Kind(a.Kind),
                ["Mã phường/xã"] = a.WardCode,
                ["Phường/xã"] = result.WardName(a.WardCode),
                ["Cấp học"] = Labels.Level.Vi(a.Level),
                ["Số phòng học"] = (long)a.Classrooms,
                ["Diện tích đất (m²)"] = Math.Round(a.LandM2, 0),
                ["Tình trạng đất"] = a.LandStatus,
                ["Nguồn nhu cầu"] = a.NeedSource,
                ["Năm khởi công"] = (long)p.Start,
                ["Năm hoàn thành"] = (long)p.Finish,
                ["Tổng mức đầu tư (triệu đồng)"] = Money(a.CostVnd),
            };
            foreach (var y in years)
            {
                row[$"Vốn {y} (triệu đồng)"] = Money(p.CostIn(y));
            }
            row["Mã dấu kiểm"] = stamp.Id;
            rows.Add(row);
        }
        var total = new Dictionary<string, object>
        {
            ["STT"] = "TỔNG",
            ["Mã dự án"] = "",
            ["Tên dự án"] = $"{projects.Count} dự án",
            ["Loại"] = "",
            ["Mã phường/xã"] = "",
            ["Phường/xã"] = "",
            ["Cấp học"] = "",
            ["Số phòng học"] = (long)projects.Sum(p => p.Action.Classrooms),
            ["Diện tích đất (m²)"] = Math.Round(projects.Sum(p => p.Action.LandM2), 0),
            ["Tình trạng đất"] = "",
            ["Nguồn nhu cầu"] = "",
            ["Năm khởi công"] = "",
            ["Năm hoàn thành"] = "",
            ["Tổng mức đầu tư (triệu đồng)"] = Money(projects.Sum(p => p.Action.CostVnd)),
        };
        foreach (var y in years)
        {
            total[$"Vốn {y} (triệu đồng)"] = Money(projects.Sum(p => p.CostIn(y)));
        }
        total["Mã dấu kiểm"] = stamp.Id;
        rows.Add(total);
        return rows;
    }

    private static List<Dictionary<string, object>> ByYear(ProgrammeResult result)
    {
        var s = result.Base;
        var projects = s.Projects();
        return
        [
            .. s.Instance.Years.Select(y => new Dictionary<string, object>
            {
                ["Năm"] = (long)y,
                ["Ngân sách (triệu đồng)"] = Money(s.Instance.Budget.Of(y)),
                ["Chi (triệu đồng)"] = Money(s.ChosenOutcome.Spend[y]),
                ["Dự án khởi công"] = (long)projects.Count(p => p.Start == y),
                ["Phòng học đưa vào sử dụng"] = (long)projects.Where(p => p.Serves == y).Sum(p => p.Action.Classrooms),
                ["HS thiếu chỗ trước (lượt)"] = Math.Round(Sum(s, y, before: true), 0),
                ["HS thiếu chỗ sau (lượt)"] = Math.Round(Sum(s, y, before: false), 0),
            }),
        ];
    }

    private static List<Dictionary<string, object>> ByLevel(ProgrammeResult result)
    {
        var projects = result.Base.Projects();
        return
        [
            .. result.Options.Levels.Select(l => new Dictionary<string, object>
            {
                ["Cấp học"] = Labels.Level.Vi(l),
                ["Số dự án"] = (long)projects.Count(p => p.Action.Level == l),
                ["Số phòng học"] = (long)projects.Where(p => p.Action.Level == l).Sum(p => p.Action.Classrooms),
                ["Tổng mức đầu tư (triệu đồng)"] = Money(projects.Where(p => p.Action.Level == l).Sum(p => p.Action.CostVnd)),
            }),
        ];
    }

    private static List<Dictionary<string, object>> Trajectory(ProgrammeResult result)
    {
        var s = result.Base;
        return
        [
            .. s.Trajectory().Select(c => new Dictionary<string, object>
            {
                ["Mã phường/xã"] = c.WardCode,
                ["Phường/xã"] = result.WardName(c.WardCode),
                ["Cấp học"] = Labels.Level.Vi(c.Level),
                ["Năm"] = (long)c.Year,
                ["HS thiếu chỗ trước chương trình"] = Math.Round(c.Before, 1),
                ["HS thiếu chỗ sau chương trình"] = Math.Round(c.After, 1),
                ["HS thiếu chỗ sau phương án tham lam"] = Math.Round(c.GreedyAfter, 1),
            }).Where(r => (double)r["HS thiếu chỗ trước chương trình"] > 0),
        ];
    }

    private static List<Dictionary<string, object>> Scenarios(ProgrammeResult result) =>
    [
        .. result.Scenarios.Select(s => new Dictionary<string, object>
        {
            ["Kịch bản"] = s.Name,
            ["Lượt HS-năm thiếu chỗ trước"] = Math.Round(s.ChosenOutcome.BaselinePupilYears, 0),
            ["Sau chương trình tối ưu"] = Math.Round(s.ChosenOutcome.PupilYears, 0),
            ["Sau phương án tham lam"] = Math.Round(s.GreedyOutcome.PupilYears, 0),
            ["Tối ưu tiết kiệm hơn tham lam (có trọng số)"] = Math.Round(s.SavedOverGreedy, 1),
            ["Tổng chi (triệu đồng)"] = Money(s.ChosenOutcome.Spend.Values.Sum()),
            ["Số dự án"] = (long)s.Projects().Count,
            ["Lời giải"] = $"{s.Chosen.Solver} {s.Chosen.Status}",
            ["Khoảng cách tối ưu"] = s.Chosen.Gap is double g ? Math.Round(g, 6) : "",
        }),
    ];

    private static double Sum(ProgrammeScenario s, int year, bool before) =>
        s.Instance.Needs.Select((c, i) => (c, i)).Where(p => p.c.Year == year).Sum(p => before ? p.c.ShortagePupils : s.ChosenOutcome.Remaining[p.i]);

    /// <summary>The plan list's word for an action kind.</summary>
    public static string Kind(ActionKind kind) => kind.PlanWord();

    private static double Money(decimal vnd) => Math.Round((double)vnd / Million, 1);
}
