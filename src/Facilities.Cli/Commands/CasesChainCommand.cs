using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities cases chain &lt;id&gt;</c>: a site's whole path, each procedure with its dates, the critical path and the ready-to-build date.</summary>
internal static class CasesChainCommand
{
    public static Command Create(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var id = new Argument<string>("id") { Description = "Mã trường / school id" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Ngày tính hạn (mặc định hôm nay) / day the plan is made for (default today)" };
        var cmd = new Command("chain", "Chuỗi thủ tục của điểm trường: giao đất, GCN, giấy phép xây dựng; đường găng và ngày sẵn sàng xây dựng.\nA site's chain of procedures, critical path and expected ready-to-build date.") { id, asOf };
        cmd.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            using var s = CasesSession.Open(r, u, o);
            var user = await s.LoginAsync(r, o, cancel);
            if (user is null)
            {
                return ExitCodes.Denied;
            }

            var day = r.GetValue(asOf) ?? DateOnly.FromDateTime(CasesSession.Now.DateTime);
            var (access, chain) = await s.Chains.ReadAsync(user, s.Site(r.GetValue(id)!), day, cancel);
            if (chain is null)
            {
                u.Err.WriteLine(access.Reason.In(u.Language));
                return ExitCodes.Denied;
            }

            u.Out.WriteLine($"{u.T("Trường", "School")}: {s.Names.School(chain.Site.SiteId)} ({chain.Site.SiteId})");
            var t = new Table().Border(TableBorder.Ascii2)
                .AddColumn(u.T("Thủ tục", "Procedure")).AddColumn(u.T("Bước", "Step")).AddColumn(u.T("Cơ quan", "Office"))
                .AddColumn(u.T("Bắt đầu", "Start")).AddColumn(u.T("Hạn / dự kiến xong", "Due / expected end")).AddColumn(u.T("Chờ", "Waiting for"))
                .AddColumn(u.T("Đường găng", "Critical"));
            foreach (var l in chain.Links)
            {
                var step = l.State.CurrentStep;
                t.AddRow(new Text(l.State.Definition.Name.In(u.Language)), new Text($"{step.Name.In(u.Language)} ({step.Code})"),
                    new Text(step.Office?.In(u.Language) ?? ""), new Text(D(l.ExpectedStart)), new Text(D(l.ExpectedFinish)),
                    new Text(string.Join(", ", l.WaitingFor)), new Text(l.OnCriticalPath ? "*" : ""));
            }

            u.OutConsole.Write(t);
            u.Out.WriteLine($"{u.T("Đường găng", "Critical path")}: {string.Join(" → ", chain.CriticalPath)}");
            u.Out.WriteLine($"{u.T("Dự kiến sẵn sàng xây dựng", "Expected ready to build")}: {(chain.ReadyToBuild is null ? u.T("không xác định (có thủ tục bị từ chối hoặc rút)", "unknown (a procedure was rejected or withdrawn)") : D(chain.ReadyToBuild))}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
