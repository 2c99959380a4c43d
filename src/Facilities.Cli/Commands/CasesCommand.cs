using System.CommandLine;
using System.Globalization;
using Facilities.Core.Tracker;
using Facilities.Reports.Results;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary>
/// <c>facilities cases list|show|advance|history|users add|report</c>: the land-use-certificate (GCN) tracker
/// (docs/tracker.md). Every subcommand but the first <c>users add</c> needs a login.
/// </summary>
internal static class CasesCommand
{
    /// <summary>
    /// Where a move made on the command line comes from, for the audit log (which holds every move with its address,
    /// docs/security.md): the machine the command ran on, marked as the command line.
    /// </summary>
    private static readonly string CliAuditAddress = "cli@" + Environment.MachineName;

    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var o = new CasesOptions();
        var cmd = new Command("cases", "Theo dõi thủ tục của điểm trường: giao đất, cấp GCN, giấy phép xây dựng; báo cáo định kỳ.\nTracker of school-site procedures: land allocation, certificate (GCN), building permit; periodic report.")
        {
            o.Dataset, o.Db, o.User, o.Password, o.Calendar, o.Procedures,
        };
        cmd.Subcommands.Add(List(ui, o));
        cmd.Subcommands.Add(Show(ui, o));
        cmd.Subcommands.Add(Advance(ui, o));
        cmd.Subcommands.Add(History(ui, o));
        cmd.Subcommands.Add(Users(ui, o));
        cmd.Subcommands.Add(Report(ui, o));
        cmd.Subcommands.Add(CasesChainCommand.Create(ui, o));
        cmd.Subcommands.Add(CasesAuditCommand.Create(ui, o));
        return cmd;
    }

    private static Option<DateOnly?> AsOf() => new("--as-of") { Description = "Ngày tính hạn (mặc định hôm nay) / day the deadlines are computed for (default today)" };

    private static Command List(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var commune = new Option<string?>("--commune") { Description = "Chỉ xã/phường này / only this commune (5-digit code)" };
        var overdue = new Option<bool>("--overdue") { Description = "Chỉ hồ sơ quá hạn / overdue cases only" };
        var asOf = AsOf();
        var cmd = new Command("list", "Danh sách hồ sơ (điểm trường chưa có GCN và chưa có hồ sơ: not_started).\nCases; a site without certificate and without a case is not_started.")
        {
            commune, overdue, asOf,
        };
        cmd.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            using var s = CasesSession.Open(r, u, o);
            var user = await s.LoginAsync(r, o, cancel);
            if (user is null)
            {
                return ExitCodes.Denied;
            }

            var wanted = r.GetValue(commune);
            if (CaseService.DecideList(user, wanted) is { Allowed: false } denied)
            {
                // As the API's 403: an empty list would read as "no cases in that commune".
                u.Err.WriteLine(denied.Reason.In(u.Language));
                return ExitCodes.Denied;
            }

            if (wanted is not null && !s.Names.Communes.Contains(wanted))
            {
                throw new ArgumentException(u.T($"--commune: mã '{wanted}' không có trong lớp wards của bộ dữ liệu.",
                    $"--commune: code '{wanted}' is not a ward of the dataset's wards layer."));
            }

            var day = r.GetValue(asOf) ?? DateOnly.FromDateTime(CasesSession.Now.DateTime);
            var states = (await s.Service.ListAsync(user, s.Sites.All, wanted, cancel))
                .Where(c => c.Version > 0 || !s.Sites.Certified.Contains(c.Site.SiteId))
                .Where(c => !r.GetValue(overdue) || c.IsOverdue(day))
                .ToList();
            var config = s.Service.Config;
            var t = new Table().Border(TableBorder.Ascii2)
                .AddColumn(u.T("Trường", "School")).AddColumn(u.T("Mã trường", "Site id")).AddColumn(u.T("Xã/phường", "Commune"))
                .AddColumn(u.T("Bước", "Step")).AddColumn(new TableColumn(u.T("Phiên bản", "Version")).RightAligned())
                .AddColumn(u.T("Ngày nhận", "Received")).AddColumn(u.T("Hạn", "Due"))
                .AddColumn(new TableColumn(u.T("Còn (ngày LV)", "Left (working days)")).RightAligned())
                .AddColumn(u.T("Quá hạn", "Overdue"));
            foreach (var c in states)
            {
                var sum = c.Summarize(day);
                t.AddRow(Cell(s.Names.School(c.Site.SiteId)), Cell(c.Site.SiteId), Cell(s.Names.Commune(c.Site.CommuneCode)),
                    Cell(config.StepName(c.Step).In(u.Language)), Cell(N(c.Version)),
                    Cell(D(sum.ReceivedOn)), Cell(D(sum.DueDate)), Cell(sum.ReceivedOn is null || c.IsClosed ? "" : u.Count(sum.RemainingWorkingDays)),
                    Cell(sum.IsOverdue ? u.T("QUÁ HẠN", "OVERDUE") : ""));
            }

            u.Out.WriteLine(u.T($"{u.Count(states.Count)} hồ sơ, tính đến {D(day)}:", $"{u.Count(states.Count)} cases as of {D(day)}:"));
            u.OutConsole.Write(t);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Show(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var id = new Argument<string>("id") { Description = "Mã trường / school id" };
        var asOf = AsOf();
        var cmd = new Command("show", "Trạng thái một hồ sơ và các bước được phép.\nOne case: state, deadline and allowed moves.") { id, asOf };
        cmd.SetAction((r, cancel) => WithCase(ui, o, r, id, (u, s, state) =>
        {
            var day = r.GetValue(asOf) ?? DateOnly.FromDateTime(CasesSession.Now.DateTime);
            var sum = state.Summarize(day);
            var config = s.Service.Config;
            string Step(CaseStep st) => config.StepName(st).In(u.Language);
            u.Out.WriteLine($"{u.T("Trường", "School")}: {s.Names.School(state.Site.SiteId)} ({state.Site.SiteId})");
            u.Out.WriteLine($"{u.T("Xã/phường", "Commune")}: {s.Names.Commune(state.Site.CommuneCode)} ({state.Site.CommuneCode})");
            u.Out.WriteLine($"{u.T("Bước", "Step")}: {Step(state.Step)}");
            u.Out.WriteLine($"{u.T("Phiên bản", "Version")}: {N(state.Version)}");
            u.Out.WriteLine($"{u.T("Ngày nhận", "Received")}: {D(sum.ReceivedOn)}");
            u.Out.WriteLine($"{u.T("Thời hạn", "Time limit")}: {u.Count(sum.TimeLimitDays)} {u.T("ngày làm việc", "working days")}");
            u.Out.WriteLine($"{u.T("Đã dùng", "Used")}: {u.Count(sum.ElapsedWorkingDays)}; {u.T("còn", "left")}: {u.Count(sum.RemainingWorkingDays)}; {u.T("hạn", "due")}: {D(sum.DueDate)}");
            u.Out.WriteLine($"{u.T("Quá hạn", "Overdue")}: {(sum.IsOverdue ? u.T("có", "yes") : u.T("không", "no"))}");
            // The codes stay beside the labels here: they are what `cases advance --to` takes.
            u.Out.WriteLine($"{u.T("Bước được phép", "Allowed moves")}: {string.Join(", ", state.AllowedMoves.Select(m => $"{Step(m)} ({CaseSteps.Code(m)})"))}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command History(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var id = new Argument<string>("id") { Description = "Mã trường / school id" };
        var cmd = new Command("history", "Lịch sử thay đổi của hồ sơ (không bao giờ bị xoá).\nThe case's events, oldest first (never deleted).") { id };
        cmd.SetAction((r, cancel) => WithCase(ui, o, r, id, (u, _, state) =>
        {
            foreach (var e in state.Events)
            {
                u.Out.WriteLine(string.Join('\t', N(e.Sequence), e.At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), e.Actor,
                    TrackerRoles.Code(e.Role), CaseSteps.Code(e.From) + " -> " + CaseSteps.Code(e.To), e.Note, string.Join(" | ", e.Attachments)));
            }

            if (state.Events.Count == 0)
            {
                u.Err.WriteLine(u.T("Hồ sơ chưa có thay đổi nào (not_started).", "The case has no events yet (not_started)."));
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Advance(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var id = new Argument<string>("id") { Description = "Mã trường / school id" };
        var to = new Option<string>("--to") { Description = "Bước mới / new step: " + string.Join(", ", CaseSteps.All.Skip(1).Select(CaseSteps.Code)), Required = true };
        var note = new Option<string?>("--note") { Description = "Ghi chú / note (kept verbatim)" };
        var attach = new Option<string[]>("--attach") { Description = "Tham chiếu tệp đính kèm (lặp lại được) / attachment reference (repeatable)", AllowMultipleArgumentsPerToken = false };
        var expect = new Option<int?>("--expect-version") { Description = "Phiên bản đã xem; khác thì xung đột / the version you saw; a newer case is a conflict (exit 6)" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "Thời điểm ghi nhận (mặc định bây giờ) / when (default now), e.g. 2026-03-02T09:00+07:00" };
        var procedure = new Option<string>("--procedure") { Description = "Thủ tục / procedure: gcn (mặc định / default), land_allocation, building_permit, …", DefaultValueFactory = _ => "gcn" };
        var cmd = new Command("advance", "Chuyển hồ sơ (một thủ tục) sang bước khác.\nMove a case (one procedure) to another step.") { id, to, note, attach, expect, at, procedure };
        cmd.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            var code = r.GetValue(procedure)!;
            if (code == "gcn" && !CaseSteps.TryParse(r.GetValue(to), out _))
            {
                throw new ArgumentException(u.T($"bước '{r.GetValue(to)}' không tồn tại.", $"unknown step '{r.GetValue(to)}'.")
                    + " " + string.Join(", ", CaseSteps.All.Select(CaseSteps.Code)));
            }

            using var s = CasesSession.Open(r, u, o);
            var user = await s.LoginAsync(r, o, cancel);
            if (user is null)
            {
                return ExitCodes.Denied;
            }

            var site = s.Site(r.GetValue(id)!);
            var outcome = await s.Chains.AdvanceAsync(user, site, code, r.GetValue(to)!, r.GetValue(at) ?? CasesSession.Now, r.GetValue(note) ?? "",
                r.GetValue(attach) ?? [], r.GetValue(expect), DateTimeOffset.UtcNow, CliAuditAddress, cancel);
            if (outcome.Accepted)
            {
                u.Out.WriteLine(outcome.Message.In(u.Language) + " " + u.T($"(phiên bản {outcome.Event!.Sequence})", $"(version {outcome.Event!.Sequence})"));
                return ExitCodes.Ok;
            }

            u.Err.WriteLine(outcome.Message.In(u.Language));
            return outcome.Refusal switch
            {
                RefusalKind.Forbidden => ExitCodes.Denied,
                RefusalKind.Conflict => ExitCodes.Conflict,
                _ => ExitCodes.DataErrors,
            };
        });
        return cmd;
    }

    private static Command Users(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var name = new Argument<string>("name") { Description = "Tên đăng nhập / login name" };
        var role = new Option<string>("--role") { Description = "city_department | commune_official | viewer", Required = true };
        role.AcceptOnlyFromAmong("city_department", "commune_official", "viewer");
        var commune = new Option<string?>("--commune") { Description = "Mã xã/phường (bắt buộc với commune_official) / commune code" };
        var newPassword = new Option<string?>("--new-password") { Description = "Mật khẩu của tài khoản mới (nên dùng FACILITIES_NEW_PASSWORD) / the new account's password" };
        var add = new Command("add", "Tạo tài khoản (tài khoản đầu tiên không cần đăng nhập).\nCreate an account (the first needs no login).") { name, role, commune, newPassword };
        add.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            var password = r.GetValue(newPassword) ?? Environment.GetEnvironmentVariable("FACILITIES_NEW_PASSWORD");
            if (string.IsNullOrEmpty(password) || password.Length < 8)
            {
                throw new ArgumentException(u.T("cần mật khẩu ít nhất 8 ký tự: FACILITIES_NEW_PASSWORD hoặc --new-password.",
                    "a password of at least 8 characters is required: FACILITIES_NEW_PASSWORD or --new-password."));
            }

            using var s = CasesSession.Open(r, u, o);
            TrackerUser? acting = null;
            if (await s.Store.CountUsersAsync(cancel) > 0)
            {
                acting = await s.LoginAsync(r, o, cancel);
                if (acting is null)
                {
                    return ExitCodes.Denied;
                }
            }

            if (!TrackerRoles.TryParse(r.GetValue(role), out var parsedRole))
            {
                throw new ArgumentException("--role: city_department | commune_official | viewer");
            }

            // The commune must be a ward of the dataset: a typo would leave the official with an empty commune.
            var communes = r.GetValue(commune) is null ? null
                : r.GetValue(o.Dataset) is null ? throw new ArgumentException(u.T(
                    "cần --dataset <tệp .gpkg> để kiểm tra mã xã/phường của --commune.", "--dataset <file.gpkg> is required to check the --commune code."))
                : s.Names.Communes is { Count: > 0 } known ? known
                : throw new ArgumentException(u.T("bộ dữ liệu không có lớp wards: không kiểm tra được --commune.", "the dataset has no wards layer: --commune cannot be checked."));
            var refusal = await s.Service.AddUserAsync(acting, new TrackerUser(r.GetValue(name)!, parsedRole, r.GetValue(commune)), password, communes, cancel);
            if (refusal is not null)
            {
                u.Err.WriteLine(refusal.In(u.Language));
                return acting is null || acting.Role == TrackerRole.CityDepartment ? ExitCodes.DataErrors : ExitCodes.Denied;
            }

            u.Out.WriteLine(u.T($"Đã tạo tài khoản {r.GetValue(name)} ({r.GetValue(role)}).", $"Created account {r.GetValue(name)} ({r.GetValue(role)})."));
            return ExitCodes.Ok;
        });
        var users = new Command("users", "Tài khoản / accounts");
        users.Subcommands.Add(add);
        users.Subcommands.Add(Change(ui, o, "disable", "Khoá tài khoản; các phiên đang mở bị huỷ.\nDisable an account; its open sessions end.", null,
            (_, _, _) => (s => s with { Disabled = true }, "Đã khoá", "Disabled")));
        users.Subcommands.Add(Change(ui, o, "enable", "Mở lại tài khoản đã khoá.\nEnable a disabled account.", null,
            (_, _, _) => (s => s with { Disabled = false }, "Đã mở lại", "Enabled")));
        var newRole = new Option<string>("--role") { Description = "city_department | commune_official | viewer", Required = true };
        newRole.AcceptOnlyFromAmong("city_department", "commune_official", "viewer");
        var newCommune = new Option<string?>("--commune") { Description = "Mã xã/phường (bắt buộc với commune_official) / commune code" };
        users.Subcommands.Add(Change(ui, o, "set-role", "Đổi vai trò (và xã); các phiên đang mở bị huỷ.\nChange the role (and commune); open sessions end.",
            [newRole, newCommune], (r, _, _) =>
            {
                var parsed = TrackerRoles.TryParse(r.GetValue(newRole), out var role) ? role : throw new ArgumentException("--role: city_department | commune_official | viewer");
                return (s => s with { User = s.User with { Role = parsed, CommuneCode = r.GetValue(newCommune) } }, "Đã đổi vai trò của", "Changed the role of");
            }));
        var resetPassword = new Option<string?>("--new-password") { Description = "Mật khẩu mới (nên dùng FACILITIES_NEW_PASSWORD) / the new password" };
        users.Subcommands.Add(Change(ui, o, "reset-password", "Đặt mật khẩu mới; các phiên đang mở bị huỷ.\nSet a new password; open sessions end.",
            [resetPassword], (r, u, _) =>
            {
                var hash = TrackerPasswords.Hash(NewPassword(u, r.GetValue(resetPassword)));
                return (s => s with { PasswordHash = hash }, "Đã đặt mật khẩu mới cho", "Set a new password for");
            }));
        return users;
    }

    private static string NewPassword(Ui u, string? given)
    {
        var password = given ?? Environment.GetEnvironmentVariable("FACILITIES_NEW_PASSWORD");
        return string.IsNullOrEmpty(password) || password.Length < 8
            ? throw new ArgumentException(u.T("cần mật khẩu ít nhất 8 ký tự: FACILITIES_NEW_PASSWORD hoặc --new-password.",
                "a password of at least 8 characters is required: FACILITIES_NEW_PASSWORD or --new-password."))
            : password;
    }

    /// <summary>
    /// <c>cases users disable|enable|set-role|reset-password &lt;name&gt;</c>: a city-department login changes the account;
    /// the account's session epoch moves on, so the server refuses its open sessions on their next request.
    /// </summary>
    private static Command Change(Func<ParseResult, Ui> ui, CasesOptions o, string verb, string description, Option[]? options,
        Func<ParseResult, Ui, string, (Func<StoredUser, StoredUser> Change, string DoneVi, string DoneEn)> plan)
    {
        var name = new Argument<string>("name") { Description = "Tên đăng nhập / login name" };
        var cmd = new Command(verb, description) { name };
        foreach (var option in options ?? [])
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            var target = r.GetValue(name)!;
            var (change, doneVi, doneEn) = plan(r, u, target);
            using var s = CasesSession.Open(r, u, o);
            var acting = await s.LoginAsync(r, o, cancel);
            if (acting is null)
            {
                return ExitCodes.Denied;
            }

            // A new commune is checked against the dataset's wards when the command names a dataset.
            var communes = r.GetValue(o.Dataset) is null ? null : s.Names.Communes;
            var refusal = await s.Service.ChangeUserAsync(acting, target, change, communes, cancel);
            if (refusal is not null)
            {
                u.Err.WriteLine(refusal.In(u.Language));
                return acting.Role == TrackerRole.CityDepartment ? ExitCodes.DataErrors : ExitCodes.Denied;
            }

            u.Out.WriteLine(u.T($"{doneVi} tài khoản {target}; các phiên đăng nhập đang mở đã bị huỷ.", $"{doneEn} account {target}; its open sessions have ended."));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Report(Func<ParseResult, Ui> ui, CasesOptions o)
    {
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / output (.xlsx; với --period cũng .html / with --period also .html)", Required = true };
        var asOf = AsOf();
        var period = new Option<string?>("--period") { Description = "Kỳ báo cáo: 2026-03, 2026-Q1 hoặc 2026 / reporting period: month, quarter or year" };
        var cmd = new Command("report", "Tiến độ theo xã/phường; với --period: báo cáo định kỳ mọi thủ tục.\nProgress per commune; with --period: the periodic report of every procedure.") { output, asOf, period };
        cmd.SetAction(async (r, cancel) =>
        {
            var u = ui(r);
            var outPath = r.GetValue(output)!.FullName;
            if (r.GetValue(period) is { } periodText)
            {
                return await PeriodicReport.RunAsync(u, o, r, periodText, outPath, r.GetValue(asOf), cancel);
            }

            if (!outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(u.T("--out phải là tệp .xlsx.", "--out must be an .xlsx file."));
            }

            using var s = CasesSession.Open(r, u, o);
            var user = await s.LoginAsync(r, o, cancel);
            if (user is null)
            {
                return ExitCodes.Denied;
            }

            var day = r.GetValue(asOf) ?? DateOnly.FromDateTime(CasesSession.Now.DateTime);
            var states = await s.Service.ListAsync(user, s.Sites.All, null, cancel);
            var config = s.Service.Config;
            var lang = u.Language;
            var inProgress = CaseSteps.All.Where(st => st != CaseStep.NotStarted).ToList();
            var rows = states.GroupBy(c => c.Site.CommuneCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var row = new Dictionary<string, object>
                {
                    [u.T("Xã/phường", "Commune")] = s.Names.Commune(g.Key),
                    [u.T("Mã xã/phường", "Commune code")] = g.Key,
                    [u.T("Số điểm trường", "Sites")] = g.Count(),
                    [u.T("Có GCN", "With certificate")] = g.Count(c => s.Sites.Certified.Contains(c.Site.SiteId) || c.Step == CaseStep.HandedOver),
                    [config.StepName(CaseStep.NotStarted).In(lang)] = g.Count(c => c.Version == 0 && !s.Sites.Certified.Contains(c.Site.SiteId)),
                };
                foreach (var st in inProgress)
                {
                    row[config.StepName(st).In(lang)] = g.Count(c => c.Version > 0 && c.Step == st);
                }

                row[u.T("Quá hạn", "Overdue")] = g.Count(c => c.IsOverdue(day));
                return row;
            }).ToList();
            var cases = states.Where(c => c.Version > 0).Select(c =>
            {
                var sum = c.Summarize(day);
                return new Dictionary<string, object?>
                {
                    [u.T("Trường", "School")] = s.Names.School(c.Site.SiteId),
                    [u.T("Mã trường", "Site id")] = c.Site.SiteId,
                    [u.T("Xã/phường", "Commune")] = s.Names.Commune(c.Site.CommuneCode),
                    [u.T("Bước", "Step")] = config.StepName(c.Step).In(lang),
                    [u.T("Phiên bản", "Version")] = c.Version,
                    // Dates as date cells (null: an empty cell), so Excel sorts and filters them as dates.
                    [u.T("Ngày nhận", "Received")] = Cell(sum.ReceivedOn),
                    [u.T("Hạn", "Due")] = Cell(sum.DueDate),
                    [u.T("Còn (ngày làm việc)", "Left (working days)")] = c.IsClosed ? null : sum.RemainingWorkingDays,
                    [u.T("Quá hạn", "Overdue")] = sum.IsOverdue ? u.T("có", "yes") : u.T("không", "no"),
                };
            }).ToList();
            ResultWorkbook.Save(new Dictionary<string, object>
            {
                [u.T("Tiến độ theo xã", "Progress by commune")] = rows,
                [u.T("Hồ sơ", "Cases")] = cases,
                [u.T("Thông tin", "About")] = new List<Dictionary<string, object>>
                {
                    new() { [u.T("Mục", "Item")] = u.T("Tính đến ngày", "As of"), [u.T("Giá trị", "Value")] = day.ToDateTime(TimeOnly.MinValue) },
                    new() { [u.T("Mục", "Item")] = u.T("Cấu hình", "Configuration"), [u.T("Giá trị", "Value")] = config.Version + " (" + config.Sha256 + ")" },
                    new() { [u.T("Mục", "Item")] = u.T("Công cụ", "Tool"), [u.T("Giá trị", "Value")] = "facilities " + CommandSupport.ToolVersion },
                },
            }, outPath);
            u.Out.WriteLine(u.T($"Đã ghi {outPath} ({u.Count(rows.Count)} xã/phường, {u.Count(cases.Count)} hồ sơ).", $"Wrote {outPath} ({u.Count(rows.Count)} communes, {u.Count(cases.Count)} cases)."));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Logs in, finds the site and checks read access, then runs <paramref name="body"/> on the case.</summary>
    private static async Task<int> WithCase(Func<ParseResult, Ui> ui, CasesOptions o, ParseResult r, Argument<string> id, Func<Ui, CasesSession, CaseState, int> body)
    {
        var u = ui(r);
        using var s = CasesSession.Open(r, u, o);
        var user = await s.LoginAsync(r, o, CancellationToken.None);
        if (user is null)
        {
            return ExitCodes.Denied;
        }

        var (access, state) = await s.Service.ReadAsync(user, s.Site(r.GetValue(id)!));
        if (state is null)
        {
            u.Err.WriteLine(access.Reason.In(u.Language));
            return ExitCodes.Denied;
        }

        return body(u, s, state);
    }

    private static Text Cell(string value) => new(value);

    private static DateTime? Cell(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Dates as Vietnamese officials write them, in both languages: 02/03/2026.</summary>
    private static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
