using System.CommandLine;
using System.Globalization;
using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Storage.Sqlite.Tracker;

namespace Facilities.Cli.Commands;

/// <summary>
/// <c>facilities cases audit [--since DATE] [--user NAME]</c>: the audit log of the web server's logins (also failed),
/// logouts and case transitions, oldest first, one tab-separated line each: when (UTC), who, from where, what, details.
/// Only a city_department account may read it (it shows every official's whereabouts).
/// </summary>
internal static class CasesAuditCommand
{
    public static Command Create(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var since = new Option<string?>("--since") { Description = "Từ ngày (UTC), vd. 2026-12-01 hoặc 2026-12-01T08:00:00Z / from this date (UTC)" };
        var who = new Option<string?>("--of") { Description = "Chỉ của người dùng này / only this user's lines" };
        var cmd = new Command("audit", "Nhật ký kiểm tra: đăng nhập (cả thất bại), đăng xuất, chuyển bước hồ sơ — ai, khi nào (UTC), từ đâu.\nAudit log: logins (also failed), logouts, case transitions: who, when (UTC), from where.")
        {
            since, who,
        };
        cmd.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            DateTimeOffset? from = null;
            if (r.GetValue(since) is { } text)
            {
                from = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
                    : throw new ArgumentException(u.T($"--since '{text}': cần ngày yyyy-MM-dd hoặc thời điểm ISO 8601.", $"--since '{text}': expected a yyyy-MM-dd date or an ISO 8601 instant."));
            }

            using var s = CasesSession.Open(r, u, o);
            var user = await s.LoginAsync(r, o, cancel);
            if (user is null)
            {
                return ExitCodes.Denied;
            }

            if (user.Role != TrackerRole.CityDepartment)
            {
                u.Err.WriteLine(u.T("chỉ tài khoản city_department được xem nhật ký kiểm tra.", "only a city_department account may read the audit log."));
                return ExitCodes.Denied;
            }

            var db = r.GetValue(o.Db);
            using ITrackerSecurityStore security = string.IsNullOrWhiteSpace(db)
                ? SqliteTrackerSecurity.Open(SqliteCaseStore.PathFor(r.GetValue(o.Dataset)!.FullName))
                : PostgresTrackerSecurity.Open(db);
            var lines = await security.ListAuditAsync(from, r.GetValue(who), cancel);
            u.Out.WriteLine(string.Join('\t', u.T("thời điểm (UTC)", "when (UTC)"), u.T("người dùng", "user"), u.T("địa chỉ", "address"), u.T("việc", "action"), u.T("chi tiết", "detail")));
            foreach (var e in lines)
            {
                u.Out.WriteLine(string.Join('\t', e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Actor, e.Address, e.Action, e.Detail));
            }

            if (lines.Count == 0)
            {
                u.Err.WriteLine(u.T("Nhật ký kiểm tra không có dòng nào khớp.", "No audit line matches."));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
