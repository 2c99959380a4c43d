using Facilities.Core.Provenance;
using Facilities.Core.Tracker.Procedures;
using Facilities.Core.Tracker.Reporting;

namespace Facilities.Reports.Tracker;

/// <summary>
/// The periodic report as tables, shared by the workbook and the printable page so both show the same figures:
/// summary, per commune (with a totals row: the city), per step, offices, overdue cases, and the stamp.
/// </summary>
public static class ProgressReportTables
{
    /// <summary>The tables; names come from the dataset (school and commune names by id/code, "" when unknown).</summary>
    public static IReadOnlyList<ReportTable> Build(ProgressReport r, ResultStamp stamp, ProcedureCatalog catalog, Func<string, string> schoolName, Func<string, string> communeName)
    {
        static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
        string Proc(string code) => catalog.Find(code)?.Name.Vi ?? code;
        string StepName(string proc, string step) => catalog.Find(proc)?.FindStep(step)?.Name.Vi ?? step;

        var summary = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Kỳ báo cáo", r.Period.Label, null, null },
            new object?[] { "Từ ngày", Day(r.Period.Start), null, null },
            new object?[] { "Số liệu đến ngày", Day(r.LastDay), null, null },
            new object?[] { "Kỳ trước", r.PreviousPeriod.Label, null, null },
            new object?[] { "Số điểm trường", (long)r.City.Sites, null, null },
            new object?[] { "Sẵn sàng xây dựng (cuối kỳ)", (long)r.City.ReadyToBuild, null, null },
        };
        foreach (var p in catalog.Procedures)
        {
            var now = r.City.Current[p.Code];
            var before = r.City.Previous[p.Code];
            summary.Add(new object?[] { $"{Proc(p.Code)}: bắt đầu", (long)now.Started, (long)before.Started, (long)(now.Started - before.Started) });
            summary.Add(new object?[] { $"{Proc(p.Code)}: hoàn thành", (long)now.Finished, (long)before.Finished, (long)(now.Finished - before.Finished) });
            summary.Add(new object?[] { $"{Proc(p.Code)}: quá hạn cuối kỳ", (long)now.Overdue, (long)before.Overdue, (long)(now.Overdue - before.Overdue) });
            summary.Add(new object?[] { $"{Proc(p.Code)}: trung vị ngày từ nhận đến kết quả", r.ProcedureMedians[p.Code], null, null });
        }

        var communeHeaders = new List<string> { "Xã/phường", "Mã xã/phường", "Số điểm trường", "Sẵn sàng xây dựng" };
        foreach (var p in catalog.Procedures)
        {
            communeHeaders.AddRange([$"{Proc(p.Code)} – bắt đầu", $"{Proc(p.Code)} – hoàn thành", $"{Proc(p.Code)} – quá hạn", $"{Proc(p.Code)} – quá hạn kỳ trước"]);
        }

        IReadOnlyList<object?> AreaRow(AreaReport a, string name, string code)
        {
            var row = new List<object?> { name, code, (long)a.Sites, (long)a.ReadyToBuild };
            foreach (var p in catalog.Procedures)
            {
                row.AddRange([(long)a.Current[p.Code].Started, (long)a.Current[p.Code].Finished, (long)a.Current[p.Code].Overdue, (long)a.Previous[p.Code].Overdue]);
            }

            return row;
        }

        var communes = r.Communes.Select(a => AreaRow(a, communeName(a.CommuneCode!), a.CommuneCode!)).ToList();
        communes.Add(AreaRow(r.City, "TỔNG (toàn thành phố)", ""));

        var steps = r.Steps.Select(s => (IReadOnlyList<object?>)new object?[]
        {
            Proc(s.Procedure), StepName(s.Procedure, s.Step), s.Office?.Vi ?? "", (long)r.City.AtStep[s.Procedure][s.Step], (long)s.Stays, s.MedianWorkingDays,
            (long)s.ProcedureLimit, s.LimitUnit == LimitUnit.WorkingDays ? "ngày làm việc" : "ngày",
        }).ToList();

        var offices = r.Offices.Select(o => (IReadOnlyList<object?>)new object?[]
        {
            o.Office.Vi, (long)o.Stays, o.MedianWorkingDays, (long)o.TotalWorkingDays, (long)o.OverdueHeld,
        }).ToList();

        var overdue = r.Overdue.Select(o => (IReadOnlyList<object?>)new object?[]
        {
            schoolName(o.SiteId), o.SiteId, communeName(o.CommuneCode), Proc(o.Procedure), StepName(o.Procedure, o.Step), o.Office?.Vi ?? "",
            Day(o.ReceivedOn), o.DueDate is DateOnly d ? Day(d) : null, (long)o.DaysOver,
        }).ToList();

        var stampRows = stamp.Lines().Prepend(("stamp_id", stamp.Id))
            .Select(l => (IReadOnlyList<object?>)new object?[] { l.Item1, l.Item2 }).ToList();

        return
        [
            new ReportTable("Tóm tắt", "Summary", ["Chỉ tiêu", "Kỳ này", "Kỳ trước", "Thay đổi"], summary),
            new ReportTable("Theo xã", "By commune", communeHeaders, communes),
            new ReportTable("Theo bước", "By step", ["Thủ tục", "Bước", "Cơ quan phụ trách", "Số điểm trường ở bước (cuối kỳ)", "Số lượt kết thúc trong kỳ", "Trung vị ngày làm việc", "Thời hạn thủ tục", "Đơn vị thời hạn"], steps),
            new ReportTable("Cơ quan", "Offices (slowest first)", ["Cơ quan", "Số lượt", "Trung vị ngày làm việc", "Tổng ngày làm việc", "Hồ sơ quá hạn đang giữ"], offices),
            new ReportTable("Hồ sơ quá hạn", "Overdue cases", ["Trường", "Mã trường", "Xã/phường", "Thủ tục", "Bước", "Cơ quan phụ trách", "Ngày nhận", "Hạn", "Số ngày quá hạn"], overdue),
            new ReportTable("Dấu kết quả", "Stamp", ["Mục", "Giá trị"], stampRows),
        ];
    }
}
