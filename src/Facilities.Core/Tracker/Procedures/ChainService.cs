using System.Globalization;
using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// A site's chain of procedures over the stores: the certificate's events from <see cref="ICaseStore"/> (unchanged),
/// the other procedures' from <see cref="IProcedureStore"/>; moves of the certificate go through
/// <see cref="CaseService"/> as before, moves of the others are decided here with the same checks plus the
/// procedure's requirements (the permit waits for the land). Both hosts use it.
/// </summary>
public sealed class ChainService
{
    private readonly ICaseStore _cases;
    private readonly IProcedureStore _procedures;

    /// <summary>Creates the service over a store that keeps both histories.</summary>
    public ChainService(CaseService cases, ICaseStore store, IProcedureStore procedures, ProcedureCatalog catalog)
    {
        Cases = cases;
        _cases = store;
        _procedures = procedures;
        Catalog = catalog;
    }

    /// <summary>The certificate's service.</summary>
    public CaseService Cases { get; }

    /// <summary>The procedures.</summary>
    public ProcedureCatalog Catalog { get; }

    /// <summary>The working-day calendar.</summary>
    public WorkingCalendar Calendar => Cases.Calendar;

    /// <summary>The states of every procedure of a site.</summary>
    public async Task<IReadOnlyDictionary<string, ProcedureState>> LoadAsync(CaseSite site, CancellationToken cancel = default)
    {
        var states = new Dictionary<string, ProcedureState>(StringComparer.Ordinal);
        foreach (var p in Catalog.Procedures)
        {
            var events = p.Code == ProcedureCatalog.Gcn
                ? [.. (await _cases.LoadEventsAsync(site.SiteId, cancel)).Select(ProcedureEvent.FromCase)]
                : await _procedures.LoadProcedureEventsAsync(site.SiteId, p.Code, cancel);
            states[p.Code] = ProcedureState.Replay(p, site, events, Calendar);
        }

        return states;
    }

    /// <summary>The chain of a site if the user may read it, with the access decision.</summary>
    public async Task<(AccessDecision Access, SiteChain? Chain)> ReadAsync(TrackerUser user, CaseSite site, DateOnly asOf, CancellationToken cancel = default)
    {
        var access = TrackerAuthorization.Decide(user, site, TrackerAction.Read);
        return access.Allowed ? (access, SiteChain.Plan(Catalog, site, await LoadAsync(site, cancel), asOf)) : (access, null);
    }

    /// <summary>Every procedure state of the given sites, read in two queries (for lists, the map and the report).</summary>
    public async Task<IReadOnlyList<(CaseSite Site, IReadOnlyDictionary<string, ProcedureState> States)>> LoadAllAsync(
        IEnumerable<CaseSite> sites, string? communeCode = null, CancellationToken cancel = default)
    {
        var gcn = (await _cases.ListCasesAsync(communeCode, cancel)).ToDictionary(c => c.Site.SiteId, StringComparer.Ordinal);
        var others = (await _procedures.ListProcedureCasesAsync(communeCode, cancel))
            .ToDictionary(c => (c.Site.SiteId, c.Procedure));
        var result = new List<(CaseSite, IReadOnlyDictionary<string, ProcedureState>)>();
        foreach (var site in sites.Where(s => communeCode is null || s.CommuneCode == communeCode))
        {
            var states = new Dictionary<string, ProcedureState>(StringComparer.Ordinal);
            foreach (var p in Catalog.Procedures)
            {
                IReadOnlyList<ProcedureEvent> events = p.Code == ProcedureCatalog.Gcn
                    ? gcn.TryGetValue(site.SiteId, out var g) ? [.. g.Events.Select(ProcedureEvent.FromCase)] : []
                    : others.TryGetValue((site.SiteId, p.Code), out var o) ? o.Events : [];
                states[p.Code] = ProcedureState.Replay(p, site, events, Calendar);
            }

            result.Add((site, states));
        }

        return result;
    }

    /// <summary>The chains of the sites <paramref name="user"/> may read.</summary>
    public async Task<IReadOnlyList<SiteChain>> ListAsync(TrackerUser user, IEnumerable<CaseSite> sites, DateOnly asOf, string? communeCode = null,
        CancellationToken cancel = default)
    {
        var readable = sites.Where(s => TrackerAuthorization.Decide(user, s, TrackerAction.Read).Allowed).ToList();
        return [.. (await LoadAllAsync(readable, communeCode, cancel)).Select(x => SiteChain.Plan(Catalog, x.Site, x.States, asOf))];
    }

    /// <summary>
    /// Moves one procedure of a site. The certificate goes through <see cref="CaseService.AdvanceAsync"/> (its rules
    /// unchanged); another procedure is checked in the same order (rights, version, input, time, allowed move) and may
    /// only leave its start once the procedures it requires are done. With <paramref name="auditFrom"/> (the client's
    /// address) the move's audit line is written in the move's own transaction, whichever procedure it is.
    /// </summary>
    public async Task<ProcedureOutcome> AdvanceAsync(TrackerUser user, CaseSite site, string procedure, string to, DateTimeOffset at, string note,
        IReadOnlyList<string> attachments, int? expectedVersion, DateTimeOffset now, string? auditFrom = null, CancellationToken cancel = default)
    {
        var definition = Catalog.Find(procedure);
        if (definition is null)
        {
            return new ProcedureOutcome(null, RefusalKind.InvalidInput, new LocalizedText(
                $"'{procedure}' không phải thủ tục; các thủ tục: {string.Join(", ", Catalog.Procedures.Select(p => p.Code))}.",
                $"'{procedure}' is not a procedure; procedures: {string.Join(", ", Catalog.Procedures.Select(p => p.Code))}."), []);
        }

        if (procedure == ProcedureCatalog.Gcn)
        {
            if (!CaseSteps.TryParse(to, out var step) || step == CaseStep.NotStarted)
            {
                return new ProcedureOutcome(null, RefusalKind.InvalidInput, UnknownStep(definition, to), []);
            }

            var gcn = await Cases.AdvanceAsync(user, site, new TransitionRequest(step, at, note, attachments, expectedVersion, auditFrom), cancel);
            return new ProcedureOutcome(gcn.Event is null ? null : ProcedureEvent.FromCase(gcn.Event), gcn.Refusal, gcn.Message,
                [.. gcn.AllowedMoves.Select(CaseSteps.Code)]);
        }

        if (definition.FindStep(to) is null || to == definition.StartStep.Code)
        {
            return new ProcedureOutcome(null, RefusalKind.InvalidInput, UnknownStep(definition, to), []);
        }

        if (TrackerInput.CheckMove(note, attachments) is { } badInput)
        {
            return new ProcedureOutcome(null, RefusalKind.InvalidInput, badInput, []);
        }

        var states = await LoadAsync(site, cancel);
        var state = states[procedure];
        var allowed = state.AllowedMoves;
        var access = TrackerAuthorization.Decide(user, site, TrackerAction.Write);
        if (!access.Allowed)
        {
            return new ProcedureOutcome(null, RefusalKind.Forbidden, access.Reason, allowed);
        }

        if (expectedVersion is int expected && expected != state.Version)
        {
            return new ProcedureOutcome(null, RefusalKind.Conflict, new LocalizedText(
                $"Hồ sơ đã được cập nhật bởi người khác (phiên bản {state.Version}, yêu cầu dựa trên phiên bản {expected}). Hãy tải lại rồi thử lại.",
                $"The case was changed by someone else (version {state.Version}; the request was based on version {expected}). Reload and try again."), allowed);
        }

        if (at > now + CaseService.ClockSkew || !WorkingCalendar.Supports(Calendar.LocalDate(at)) || (state.LastChangeAt is DateTimeOffset last && at < last))
        {
            var text = at.ToOffset(Calendar.Rules.UtcOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
            return new ProcedureOutcome(null, RefusalKind.InvalidTime, new LocalizedText(
                $"Thời điểm {text} ở tương lai, sớm hơn lần cập nhật trước hoặc nằm ngoài các năm 1901–2199.",
                $"The time {text} is in the future, before the last change or outside the years 1901–2199."), allowed);
        }

        var target = definition.Step(to);
        if (!state.Definition.IsAllowed(state.Step, to, state.ResumeStep))
        {
            var list = string.Join(", ", allowed.Select(m => $"«{definition.Step(m).Name.Vi}» ({m})"));
            var listEn = string.Join(", ", allowed.Select(m => $"'{definition.Step(m).Name.En}' ({m})"));
            return new ProcedureOutcome(null, RefusalKind.NotAllowed, new LocalizedText(
                $"Không thể chuyển «{definition.Name.Vi}» từ «{state.CurrentStep.Name.Vi}» ({state.Step}) sang «{target.Name.Vi}» ({to}). Các bước được phép: {(list.Length > 0 ? list : "không có")}.",
                $"Cannot move '{definition.Name.En}' from '{state.CurrentStep.Name.En}' ({state.Step}) to '{target.Name.En}' ({to}). Allowed moves: {(listEn.Length > 0 ? listEn : "none")}."), allowed);
        }

        var waiting = definition.Requires.Where(r => !states[r].IsDone).ToList();
        if (state.CurrentStep.Kind == StepKind.Start && target.Kind != StepKind.Skip && waiting.Count > 0)
        {
            var names = string.Join(", ", waiting.Select(w => Catalog.Find(w)!.Name.Vi));
            var namesEn = string.Join(", ", waiting.Select(w => Catalog.Find(w)!.Name.En));
            return new ProcedureOutcome(null, RefusalKind.NotAllowed, new LocalizedText(
                $"«{definition.Name.Vi}» chỉ bắt đầu khi đã xong: {names}.",
                $"'{definition.Name.En}' can only start once these are done: {namesEn}."), allowed);
        }

        var e = new ProcedureEvent(state.Version + 1, at, user.Name, user.Role, state.Step, to, note, [.. attachments]);
        var audit = auditFrom is { } from ? TransitionAudit.Of(user, site, procedure, e, from) : null;
        if (await _procedures.AppendProcedureEventAsync(site, procedure, state.Version, e, audit) != AppendResult.Appended)
        {
            return new ProcedureOutcome(null, RefusalKind.Conflict, new LocalizedText(
                "Hồ sơ vừa được cập nhật bởi người khác. Hãy tải lại rồi thử lại.",
                "The case was just changed by someone else. Reload and try again."), allowed);
        }

        var after = state.Apply(e);
        return new ProcedureOutcome(e, null, new LocalizedText(
            $"Đã chuyển «{definition.Name.Vi}» từ «{state.CurrentStep.Name.Vi}» sang «{target.Name.Vi}».",
            $"Moved '{definition.Name.En}' from '{state.CurrentStep.Name.En}' to '{target.Name.En}'."), after.AllowedMoves);
    }

    private static LocalizedText UnknownStep(ProcedureDefinition d, string to)
    {
        var codes = string.Join(", ", d.Steps.Skip(1).Select(s => s.Code));
        return new LocalizedText($"'{to}' không phải bước của «{d.Name.Vi}»; các bước: {codes}.", $"'{to}' is not a step of '{d.Name.En}'; steps: {codes}.");
    }
}
