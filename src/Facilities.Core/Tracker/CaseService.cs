using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// The tracker's use cases over an <see cref="ICaseStore"/>: log in, read a case or a list with role scoping, and
/// move a case with optimistic concurrency. The rules stay in <see cref="CaseTransitions"/> and
/// <see cref="TrackerAuthorization"/>; this class only loads, decides and appends. Hosts (CLI, HTTP) pass the sites
/// (from the dataset's schools layer) and the clock.
/// </summary>
public sealed class CaseService
{
    private readonly ICaseStore _store;

    /// <summary>Creates the service.</summary>
    public CaseService(ICaseStore store, TrackerConfig config, WorkingCalendar calendar)
    {
        _store = store;
        Config = config;
        Calendar = calendar;
    }

    /// <summary>The configuration states are derived with.</summary>
    public TrackerConfig Config { get; }

    /// <summary>The working-day calendar states are derived with.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The user whose name and password match a stored account, or null.</summary>
    public TrackerUser? Login(string name, string password)
    {
        var stored = string.IsNullOrEmpty(name) ? null : _store.FindUser(name);
        // An unknown name costs the same hash as a known one, so the answer's timing does not tell which accounts exist.
        var verified = TrackerPasswords.Verify(password, stored?.PasswordHash ?? UnknownUserHash.Value);
        return stored is not null && verified ? stored.User : null;
    }

    private static readonly Lazy<string> UnknownUserHash = new(() => TrackerPasswords.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>
    /// Creates an account. The first account may be created by anyone (bootstrap); after that only a signed-in
    /// city-department user may add one. Returns the refusal reason, or null when the account was created.
    /// </summary>
    public LocalizedText? AddUser(TrackerUser? actingUser, TrackerUser user, string password)
    {
        if (_store.CountUsers() > 0 && actingUser?.Role != TrackerRole.CityDepartment)
        {
            return new LocalizedText(
                "Chỉ tài khoản sở/phòng cấp thành phố (city_department) đã đăng nhập mới được tạo tài khoản.",
                "Only a signed-in city_department account may create accounts.");
        }

        if (string.IsNullOrWhiteSpace(user.Name) || (user.Role == TrackerRole.CommuneOfficial && string.IsNullOrEmpty(user.CommuneCode)))
        {
            return new LocalizedText("Thiếu tên, hoặc cán bộ xã chưa có mã xã (--commune).", "The name is empty, or a commune official has no commune (--commune).");
        }

        return _store.AddUser(new StoredUser(user, TrackerPasswords.Hash(password)))
            ? null
            : new LocalizedText($"Tài khoản {user.Name} đã tồn tại.", $"Account {user.Name} already exists.");
    }

    /// <summary>The state of the case of <paramref name="site"/> if <paramref name="user"/> may read it, and the access decision.</summary>
    public (AccessDecision Access, CaseState? State) Read(TrackerUser user, CaseSite site)
    {
        var access = TrackerAuthorization.Decide(user, site, TrackerAction.Read);
        return access.Allowed ? (access, Load(site)) : (access, null);
    }

    /// <summary>
    /// The states of the sites <paramref name="user"/> may read, in the given order (sites without a case are
    /// not started); only one commune's when <paramref name="communeCode"/> is set.
    /// </summary>
    public IReadOnlyList<CaseState> List(TrackerUser user, IEnumerable<CaseSite> sites, string? communeCode = null)
    {
        var stored = _store.ListCases(communeCode).ToDictionary(c => c.Site.SiteId, StringComparer.Ordinal);
        return [.. sites
            .Where(s => (communeCode is null || s.CommuneCode == communeCode) && TrackerAuthorization.Decide(user, s, TrackerAction.Read).Allowed)
            .Select(s => stored.TryGetValue(s.SiteId, out var c)
                ? CaseState.Replay(s, c.Events, Config, Calendar)
                : CaseState.NotStarted(s, Config, Calendar))];
    }

    /// <summary>
    /// Decides the move and appends its event. A concurrent change between reading and appending (the store
    /// reports a conflict) gives a <see cref="RefusalKind.Conflict"/> refusal; nothing is written then.
    /// </summary>
    public TransitionOutcome Advance(TrackerUser user, CaseSite site, TransitionRequest request)
    {
        var state = Load(site);
        var outcome = CaseTransitions.Decide(state, user, request);
        if (!outcome.Accepted)
        {
            return outcome;
        }

        if (_store.Append(site, state.Version, outcome.Event!) == AppendResult.Appended)
        {
            return outcome;
        }

        // Someone else appended first: decide again against the newer state, as based on the version we saw.
        var newer = Load(site);
        var again = CaseTransitions.Decide(newer, user, request with { ExpectedVersion = state.Version });
        return again.Accepted
            ? new TransitionOutcome(null, RefusalKind.Conflict, new LocalizedText(
                "Hồ sơ vừa được cập nhật bởi người khác. Hãy tải lại rồi thử lại.",
                "The case was just changed by someone else. Reload and try again."), newer.AllowedMoves)
            : again;
    }

    /// <summary>The case of <paramref name="site"/> replayed from the store (not started when it has no events).</summary>
    public CaseState Load(CaseSite site) => CaseState.Replay(site, _store.LoadEvents(site.SiteId), Config, Calendar);
}
