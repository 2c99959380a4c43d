using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// The tracker's use cases over an <see cref="ICaseStore"/>: log in, read a case or a list with role scoping, move a
/// case with optimistic concurrency, and manage accounts. The rules stay in <see cref="CaseTransitions"/> and
/// <see cref="TrackerAuthorization"/>; this class only checks input, loads, decides and appends. Hosts (CLI, HTTP) pass
/// the sites (from the dataset's schools layer) and the clock.
/// </summary>
public sealed class CaseService
{
    private static readonly Lazy<string> UnknownUserHash = new(() => TrackerPasswords.Hash(Guid.NewGuid().ToString("N")));
    private readonly ICaseStore _store;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the service. <paramref name="time"/> is only read to refuse events dated in the future (default: the
    /// system clock); the instant of an event is always the caller's (<see cref="TransitionRequest.At"/>).
    /// </summary>
    public CaseService(ICaseStore store, TrackerConfig config, WorkingCalendar calendar, TimeProvider? time = null)
    {
        _store = store;
        Config = config;
        Calendar = calendar;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// How far ahead of the clock an event may be dated: two machines' clocks differ by a little, and a step recorded
    /// "now" on one must not be refused on the other. Anything later has not happened yet.
    /// </summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The configuration states are derived with.</summary>
    public TrackerConfig Config { get; }

    /// <summary>The working-day calendar states are derived with.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The user whose name and password match an enabled account, or null.</summary>
    public async Task<TrackerUser?> LoginAsync(string name, string password, CancellationToken cancel = default) =>
        (await AuthenticateAsync(name, password, cancel))?.User;

    /// <summary>
    /// The enabled account whose name and password match, or null. A name that could not be stored (empty, control
    /// characters, too long) is not looked up.
    /// </summary>
    public async Task<StoredUser?> AuthenticateAsync(string name, string password, CancellationToken cancel = default)
    {
        var stored = TrackerInput.CheckName("user", name) is null ? await _store.FindUserAsync(name, cancel) : null;
        // An unknown name costs the same hash as a known one, so the answer's timing does not tell which accounts exist.
        var verified = TrackerPasswords.Verify(password, stored?.PasswordHash ?? UnknownUserHash.Value);
        return stored is { Disabled: false } && verified ? stored : null;
    }

    /// <summary>
    /// Creates an account. The first account may be created by anyone (bootstrap); after that only a signed-in
    /// city-department user may add one. Returns the refusal reason, or null when the account was created.
    /// </summary>
    /// <param name="actingUser">The signed-in user creating the account (null for the first).</param>
    /// <param name="user">The account.</param>
    /// <param name="password">Its password.</param>
    /// <param name="communes">The dataset's commune codes (wards layer); when given, the account's commune must be one.</param>
    /// <param name="cancel">Cancels the store calls.</param>
    public async Task<LocalizedText?> AddUserAsync(TrackerUser? actingUser, TrackerUser user, string password, IReadOnlyCollection<string>? communes = null,
        CancellationToken cancel = default)
    {
        if (await _store.CountUsersAsync(cancel) > 0 && actingUser?.Role != TrackerRole.CityDepartment)
        {
            return OnlyCityDepartment;
        }

        if (TrackerInput.CheckName("name", user.Name) is { } badName)
        {
            return badName;
        }

        if (user.Role == TrackerRole.CommuneOfficial && string.IsNullOrEmpty(user.CommuneCode))
        {
            return new LocalizedText("Cán bộ xã chưa có mã xã (--commune).", "A commune official has no commune (--commune).");
        }

        if (TrackerInput.CheckCommune(user.CommuneCode, communes) is { } badCommune)
        {
            return badCommune;
        }

        return await _store.AddUserAsync(new StoredUser(user, TrackerPasswords.Hash(password)), cancel)
            ? null
            : new LocalizedText($"Tài khoản {user.Name} đã tồn tại.", $"Account {user.Name} already exists.");
    }

    /// <summary>
    /// Changes the account <paramref name="name"/> as <paramref name="change"/> says (disable, enable, role, password);
    /// every session of the account ends. Only a city-department user may; returns the refusal reason or null. With
    /// <paramref name="communes"/> (the dataset's commune codes), a changed commune must be one of them.
    /// </summary>
    public async Task<LocalizedText?> ChangeUserAsync(TrackerUser actingUser, string name, Func<StoredUser, StoredUser> change,
        IReadOnlyCollection<string>? communes = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(actingUser);
        ArgumentNullException.ThrowIfNull(change);
        if (actingUser.Role != TrackerRole.CityDepartment)
        {
            return OnlyCityDepartment;
        }

        var stored = TrackerInput.CheckName("name", name) is null ? await _store.FindUserAsync(name, cancel) : null;
        if (stored is null)
        {
            return new LocalizedText($"Không có tài khoản {name}.", $"There is no account {name}.");
        }

        var changed = change(stored);
        if (changed.User.Role == TrackerRole.CommuneOfficial && string.IsNullOrEmpty(changed.User.CommuneCode))
        {
            return new LocalizedText("Cán bộ xã chưa có mã xã (--commune).", "A commune official has no commune (--commune).");
        }

        if (changed.User.CommuneCode != stored.User.CommuneCode && TrackerInput.CheckCommune(changed.User.CommuneCode, communes) is { } badCommune)
        {
            return badCommune;
        }

        return await _store.UpdateUserAsync(changed with { User = changed.User with { Name = stored.User.Name } }, cancel)
            ? null
            : new LocalizedText($"Không có tài khoản {name}.", $"There is no account {name}.");
    }

    /// <summary>The state of the case of <paramref name="site"/> if <paramref name="user"/> may read it, and the access decision.</summary>
    public async Task<(AccessDecision Access, CaseState? State)> ReadAsync(TrackerUser user, CaseSite site, CancellationToken cancel = default)
    {
        var access = TrackerAuthorization.Decide(user, site, TrackerAction.Read);
        return access.Allowed ? (access, await LoadAsync(site, cancel)) : (access, null);
    }

    /// <summary>
    /// Whether <paramref name="user"/> may list the cases of <paramref name="communeCode"/> (null: every commune they
    /// may read). Asking for another commune than one's own is refused, as reading one of its cases is, rather than
    /// answered with an empty list that would read as "no cases there".
    /// </summary>
    public static AccessDecision DecideList(TrackerUser user, string? communeCode) =>
        communeCode is null
            ? new AccessDecision(true, new LocalizedText("Được xem danh sách hồ sơ.", "May list cases."))
            : TrackerAuthorization.Decide(user, communeCode, TrackerAction.Read);

    /// <summary>
    /// The states of the sites <paramref name="user"/> may read, in the given order (sites without a case are
    /// not started); only one commune's when <paramref name="communeCode"/> is set.
    /// </summary>
    public async Task<IReadOnlyList<CaseState>> ListAsync(TrackerUser user, IEnumerable<CaseSite> sites, string? communeCode = null, CancellationToken cancel = default)
    {
        var stored = (await _store.ListCasesAsync(communeCode, cancel)).ToDictionary(c => c.Site.SiteId, StringComparer.Ordinal);
        return [.. sites
            .Where(s => (communeCode is null || s.CommuneCode == communeCode) && TrackerAuthorization.Decide(user, s, TrackerAction.Read).Allowed)
            .Select(s => stored.TryGetValue(s.SiteId, out var c)
                ? CaseState.Replay(s, c.Events, Config, Calendar)
                : CaseState.NotStarted(s, Config, Calendar))];
    }

    /// <summary>
    /// Checks the note and attachments (<see cref="TrackerInput"/>), decides the move and appends its event. A
    /// concurrent change between reading and appending (the store reports a conflict) gives a
    /// <see cref="RefusalKind.Conflict"/> refusal; nothing is written then. An accepted outcome carries the case after
    /// the move (<see cref="TransitionOutcome.State"/>). With <see cref="TransitionRequest.AuditFrom"/> the audit line
    /// is written in the event's own transaction. <paramref name="cancel"/> stops only the reading: once the append is
    /// sent it completes.
    /// </summary>
    public async Task<TransitionOutcome> AdvanceAsync(TrackerUser user, CaseSite site, TransitionRequest request, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TrackerInput.CheckMove(request.Note, request.Attachments) is { } badInput)
        {
            return new TransitionOutcome(null, RefusalKind.InvalidInput, badInput, []);
        }

        var state = await LoadAsync(site, cancel);
        var now = _time.GetUtcNow();
        if (request.At > now + ClockSkew)
        {
            return new TransitionOutcome(null, RefusalKind.InvalidTime, FutureMessage(request.At, now), state.AllowedMoves);
        }

        var outcome = CaseTransitions.Decide(state, user, request);
        if (!outcome.Accepted)
        {
            return outcome;
        }

        var audit = request.AuditFrom is { } from ? TransitionAudit.Of(user, site, outcome.Event!, from) : null;
        if (await _store.AppendAsync(site, state.Version, outcome.Event!, audit) == AppendResult.Appended)
        {
            return outcome with { State = state.Apply(outcome.Event!) };
        }

        // Someone else appended first: decide again against the newer state, as based on the version we saw.
        var newer = await LoadAsync(site, CancellationToken.None);
        var again = CaseTransitions.Decide(newer, user, request with { ExpectedVersion = state.Version });
        return again.Accepted
            ? new TransitionOutcome(null, RefusalKind.Conflict, new LocalizedText(
                "Hồ sơ vừa được cập nhật bởi người khác. Hãy tải lại rồi thử lại.",
                "The case was just changed by someone else. Reload and try again."), newer.AllowedMoves)
            : again;
    }

    /// <summary>The case of <paramref name="site"/> replayed from the store (not started when it has no events).</summary>
    public async Task<CaseState> LoadAsync(CaseSite site, CancellationToken cancel = default) =>
        CaseState.Replay(site, await _store.LoadEventsAsync(site.SiteId, cancel), Config, Calendar);

    /// <summary>The refusal of an event dated after now (plus <see cref="ClockSkew"/>), in Vietnam's time.</summary>
    private LocalizedText FutureMessage(DateTimeOffset at, DateTimeOffset now)
    {
        string Local(DateTimeOffset t) => t.ToOffset(Calendar.Rules.UtcOffset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"Thời điểm {Local(at)} ở tương lai (bây giờ là {Local(now)}): không ghi nhận một bước chưa xảy ra; hãy ghi khi bước đó đã diễn ra.",
            $"The time {Local(at)} is in the future (it is now {Local(now)}): a step is recorded once it has happened, not before.");
    }

    private static LocalizedText OnlyCityDepartment { get; } = new(
        "Chỉ tài khoản sở/phòng cấp thành phố (city_department) đã đăng nhập mới được tạo hoặc đổi tài khoản.",
        "Only a signed-in city_department account may create or change accounts.");
}
