using System.Globalization;
using Facilities.Core.Compliance;
using Facilities.Core.Deficit;
using Facilities.Core.Import;
using Facilities.Core.Norms;
using Facilities.Core.Programme;
using Facilities.Core.Schema;
using Facilities.Core.Screening;
using Facilities.Core.Tracker;
using Facilities.Core.Validation;

namespace Facilities.Application;

/// <summary>
/// The build programme (<c>facilities programme</c>, docs/programme.md): which schools to build or extend, where and
/// in which year, within the budget. The exact solver is given by the host (OR-Tools lives in its own project); null
/// is greedy only. The tracker's cases are read by the host and passed in (none: every site without a certificate
/// needs the whole procedure).
/// </summary>
public static class ProgrammeComputation
{
    /// <summary>The programme of the dataset, base scenario first; stamped "programme".</summary>
    public static Computed<ProgrammeResult> Run(
        DatasetContext d, ProgrammeOptions options, IProgrammeSolver? solver, IReadOnlyList<StoredCase> cases, IProgress<WorkProgress>? progress = null)
    {
        if (Refusal(options) is { } refused)
        {
            throw new ArgumentException(refused.Vi + " / " + refused.En);
        }
        var read = new NormsReadLog();
        var norms = d.Norms.RecordingInto(read);
        var roomWarnings = new List<LocalizedText>();
        var replace = ProgrammeRooms.Read(d, roomWarnings);
        // Temporary and degraded rooms are not places: the need is counted on the standard classrooms only.
        var city = ProgrammeRooms.Standard(d.City, replace);
        var years = Enumerable.Range(options.FromYear, options.ToYear - options.FromYear + 1).ToList();
        var deficits = years.Select(y => AdminDeficitCalculator.Compute(city, norms,
            new DeficitOptions(y) { Levels = options.Levels, TwoSessions = options.TwoSessions, PublicOnly = options.PublicOnly })).ToList();
        var own = new List<LocalizedText>(deficits[^1].MissingSchoolDataWarnings());
        own.AddRange(roomWarnings);
        var screened = new List<string>();
        var catchment = options.Method == "catchment" ? ProgrammeCatchment.Options(d) : null;
        var actions = Actions(d, norms, options, cases, deficits[^1], own, screened, replace, onlyShort: catchment is null);
        IReadOnlyList<NeedCell>? cells = null;
        if (catchment is not null)
        {
            cells = ProgrammeCatchment.Cells(city, norms, options, catchment, actions);
            actions = ProgrammeCatchment.Reached(actions, cells, options.ToYear);
        }
        var scenarios = new List<ProgrammeScenario>();
        var names = new[] { "base" }.Concat(options.Scenarios).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            progress?.Report(new WorkProgress(names[i], i, names.Count));
            var growth = names[i] switch { "growth-high" => 1.25, "growth-low" => 0.75, _ => 1.0 };
            var budget = names[i] switch { "budget-20%" => options.Budget.Scaled(0.8m), "budget+20%" => options.Budget.Scaled(1.2m), _ => options.Budget };
            var instance = new ProgrammeInstance(options.FromYear, options.ToYear, cells ?? ProgrammeNeeds.From(deficits, growth), actions, budget)
            {
                Equity = options.Equity,
                LevelWeights = options.LevelWeights,
            };
            scenarios.Add(Solve(names[i], instance, solver, options));
        }
        progress?.Report(new WorkProgress("done", names.Count, names.Count));
        Explain(scenarios[0], solver, own, catchment is not null);
        var result = new ProgrammeResult(options, scenarios, city.Wards.ToDictionary(w => w.Code, w => w.Name, StringComparer.Ordinal), solver?.Name ?? "greedy");
        var describe = $"{options.Describe()}; solver={solver?.Name ?? "greedy"}; tracker_cases={cases.Count}" + (catchment is null ? "" : "; " + catchment.Describe());
        // The screening names the norms its score depends on itself (as SitesComputation stamps them).
        return Stamps.Of(d, result, "programme", describe, [.. read.Unconfirmed(d.Norms), .. screened], own);
    }

    /// <summary>
    /// Why the options cannot be planned, or null. Under the catchment method the equity rule and the growth scenarios
    /// are refused: how new places are shared between wards is not unique (the rule would hold for one split and not
    /// another), and the growth factor would need the demand grid rebuilt per scenario (docs/programme.md).
    /// </summary>
    public static LocalizedText? Refusal(ProgrammeOptions options)
    {
        if (options.Method is not ("admin" or "catchment"))
        {
            return new($"phương pháp '{options.Method}' không có; dùng admin | catchment", $"no method '{options.Method}'; use admin | catchment");
        }
        if (options.Method == "catchment" && options.Equity is not null)
        {
            return new("--equity chưa dùng được với --method catchment: cách chia chỗ học mới giữa các phường không duy nhất.",
                "--equity is not available with --method catchment: how new places are shared between wards is not unique.");
        }
        if (options.Method == "catchment" && options.Scenarios.FirstOrDefault(s => s.StartsWith("growth", StringComparison.Ordinal)) is { } growth)
        {
            return new($"kịch bản {growth} chưa dùng được với --method catchment (chỉ budget-20%, budget+20%).",
                $"scenario {growth} is not available with --method catchment (only budget-20%, budget+20%).");
        }
        return null;
    }

    /// <summary>
    /// <paramref name="norms"/> with the unit costs of a costs file (<c>--costs</c>): a norms-format JSON whose values
    /// are all <c>cost.*</c> keys, each with its unit, status and source.
    /// </summary>
    public static NormsSet WithCosts(NormsSet norms, string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            var costs = NormsSet.Parse(Facilities.Formats.Readers.TextFileCheck.ReadUtf8(path, null), name);
            if (costs.Values.FirstOrDefault(v => !v.Key.StartsWith("cost.", StringComparison.Ordinal)) is { } other)
            {
                throw new FormatException($"values.{other.Key}: a costs file holds cost.* values only");
            }
            return norms.With(costs);
        }
        catch (FormatException e)
        {
            throw new Facilities.Formats.DataFileException("costs-invalid", name, null, "tệp chi phí không hợp lệ: " + e.Message, "not a valid costs file: " + e.Message, e);
        }
    }

    private static ProgrammeScenario Solve(string name, ProgrammeInstance instance, IProgrammeSolver? solver, ProgrammeOptions options)
    {
        var greedy = GreedyProgramme.Solve(instance);
        var greedyOutcome = ProgrammeSchedule.Evaluate(instance, greedy.Starts);
        var exact = solver?.Solve(instance, options.Limits, greedy.Starts);
        // A time-limited solver may stop at a programme worse than its greedy start (SCIP may fail to complete a partial
        // hint, as with the catchment model's flow variables): the better of the two is reported.
        var chosen = exact is { Status: Core.Optimisation.SolveStatus.Optimal or Core.Optimisation.SolveStatus.Feasible }
            && (exact.Objective <= greedy.Objective + ProgrammeSchedule.Tolerance || !greedyOutcome.Feasible) ? exact
            : exact is { Status: Core.Optimisation.SolveStatus.Feasible } && !double.IsNaN(exact.BestBound)
                ? greedy with { BestBound = Math.Min(exact.BestBound, greedy.Objective), Note = string.Create(CultureInfo.InvariantCulture, $"{exact.Solver} stopped at {exact.Objective:0.0}, worse than greedy; bound {exact.BestBound:0.0}") }
                : greedy;
        return new ProgrammeScenario(name, instance, chosen, ProgrammeSchedule.Evaluate(instance, chosen.Starts), greedy, greedyOutcome, exact);
    }

    /// <summary>The candidate actions: extensions, new schools on screened sites, investors' schools; only where there is need.</summary>
    private static List<ProgrammeAction> Actions(DatasetContext d, NormsSet norms, ProgrammeOptions options, IReadOnlyList<StoredCase> cases, DeficitResult last, List<LocalizedText> own, List<string> screened, Dictionary<(string Id, string Level), long> replace, bool onlyShort)
    {
        var city = d.City;
        var costs = new ProgrammeCosts(norms);
        var config = TrackerConfig.BuiltIn;
        var calendar = WorkingCalendar.BuiltIn;
        var unitTypes = city.Wards.ToDictionary(w => w.Code, w => w.UnitType, StringComparer.Ordinal);
        var states = cases.GroupBy(c => c.Site.SiteId).ToDictionary(g => g.Key, g => CaseState.Replay(g.First().Site, g.SelectMany(c => c.Events), config, calendar), StringComparer.Ordinal);
        var certified = Certified(d);
        LandReadiness Land(string siteId, string ward) => LandReadiness.Of(certified.Contains(siteId), states.GetValueOrDefault(siteId),
            new CaseSite(siteId, ward, unitTypes.GetValueOrDefault(ward, "")), config, calendar, options.AsOf, options.FromYear);
        var actions = new List<ProgrammeAction>();
        if (city.HasSchoolsLayer)
        {
            var checks = ComplianceChecker.Check(city, norms, options.Levels, options.TwoSessions);
            foreach (var row in checks)
            {
                var school = city.Schools.First(s => s.Id == row.SchoolId && s.Level == row.Level);
                if (ProgrammeCandidates.Extension(school, row, norms, costs, Land(school.Id, school.WardCode), options.TwoSessions) is { } ext)
                {
                    actions.Add(ext);
                }
                if (replace.TryGetValue((school.Id, school.Level), out var rooms)
                    && ProgrammeCandidates.Replacement(school, rooms, costs, Land(school.Id, school.WardCode)) is { } rebuild)
                {
                    actions.Add(rebuild);
                }
            }
        }
        if (d.HasLayer("parcels"))
        {
            foreach (var level in options.Levels)
            {
                var screener = new ParcelScreener(city, d.Norms, new ScreeningOptions(level, options.ToYear)
                {
                    Top = options.SitesPerLevel,
                    TwoSessions = options.TwoSessions,
                    PublicOnly = options.PublicOnly,
                });
                var filter = screener.CreateAttributeFilter();
                var screening = screener.Screen(d.Store.StreamParcels(city.MetricCrs, filter), filter);
                screened.AddRange(screening.UnconfirmedNormsUsed().Select(n => n.Key));
                foreach (var site in screening.Candidates)
                {
                    actions.AddRange(ProgrammeCandidates.NewSchools(site, level, norms, costs, Land(site.Id, site.WardCode), options.TwoSessions));
                }
            }
        }
        else
        {
            own.Add(new LocalizedText("bộ dữ liệu chưa có lớp parcels: chương trình không đề xuất trường mới, chỉ mở rộng trường hiện có.",
                "the dataset has no parcels layer: the programme offers no new school, only extensions of existing schools."));
        }
        foreach (var area in city.Growth)
        {
            actions.AddRange(ProgrammeCandidates.Handovers(city, area, norms, options.Levels, options.ToYear, options.TwoSessions));
        }
        if (!onlyShort)
        {
            return actions;
        }
        // Only where some year of the horizon is short: elsewhere an action cannot lower the objective.
        var shortRows = last.Rows.ToDictionary(r => (r.WardCode, r.Level));
        var needed = actions.Where(a => a.Kind == ActionKind.Handover || (shortRows.TryGetValue((a.WardCode, a.Level), out var r) && r.DeficitRooms > 0)).ToList();
        return [.. needed.Select(a => a with { NeedSource = Source(a, shortRows) })];
    }

    private static string Source(ProgrammeAction a, Dictionary<(string, string), DeficitRow> rows) =>
        a.NeedSource.Length > 0 || !rows.TryGetValue((a.WardCode, a.Level), out var r) ? a.NeedSource
            : string.Create(CultureInfo.InvariantCulture, $"thiếu {r.DeficitRooms} phòng năm {r.Year} ({r.WardName}) / {r.DeficitRooms} rooms short in {r.Year}");

    private static HashSet<string> Certified(DatasetContext d) =>
    [
        .. (d.Layer("schools")?.Features ?? [])
            .Where(f => DatasetSchema.CertificateIssued(Convert.ToString(f["land_certificate"], CultureInfo.InvariantCulture)))
            .Select(f => Convert.ToString(f["id"], CultureInfo.InvariantCulture) ?? ""),
    ];

    /// <summary>What the programme cannot account for, and how its base solution came out.</summary>
    private static void Explain(ProgrammeScenario base_, IProgrammeSolver? solver, List<LocalizedText> own, bool catchment)
    {
        own.Add(new LocalizedText(
            "chưa tính thời gian và chi phí giải phóng mặt bằng ngoài thủ tục cấp GCN.",
            "not accounted for: land clearance time and cost beyond the certificate procedure."));
        own.Add(catchment
            ? new LocalizedText(
                "nhu cầu theo vùng phục vụ (E2SFCA, giới hạn sức chứa): chỗ học mới phục vụ học sinh trong bán kính phục vụ của địa điểm, kể cả phường khác; học sinh của trường hiện có không được phân bổ lại.",
                "need by catchment (E2SFCA, capacity-limited): new places serve the pupils within the site's service radius, across ward lines; pupils already seated at today's schools are not re-allocated.")
            : new LocalizedText(
                "nhu cầu tính theo phường (phương pháp hành chính): trường mới chỉ phục vụ phường của nó.",
                "need is per ward (admin method): a new school serves only its own ward."));
        if (solver is not null && base_.Exact is { } exact && exact.Status is not (Core.Optimisation.SolveStatus.Optimal or Core.Optimisation.SolveStatus.Feasible))
        {
            own.Add(new LocalizedText($"bộ giải chính xác không tìm được chương trình ({exact.Note}); dùng chương trình tham lam.",
                $"the exact solver found no programme ({exact.Note}); the greedy programme is shown."));
        }
        if (!base_.ChosenOutcome.Feasible)
        {
            own.Add(new LocalizedText($"chương trình không thoả mọi ràng buộc: {string.Join("; ", base_.ChosenOutcome.Violations)}",
                $"the programme breaks a rule: {string.Join("; ", base_.ChosenOutcome.Violations)}"));
        }
        if (base_.Exact is { Status: Core.Optimisation.SolveStatus.Feasible } && base_.Chosen.Status == Core.Optimisation.SolveStatus.Heuristic && base_.Chosen.Gap is double kept)
        {
            own.Add(new LocalizedText(string.Create(CultureInfo.InvariantCulture, $"bộ giải chính xác dừng ở giới hạn thời gian với chương trình kém hơn tham lam; giữ chương trình tham lam (khoảng cách tới cận dưới {kept:P2})."),
                string.Create(CultureInfo.InvariantCulture, $"the exact solver stopped at its time limit with a programme worse than greedy's; the greedy programme is kept (gap to the bound {kept:P2}).")));
        }
        if (base_.Chosen.Status == Core.Optimisation.SolveStatus.Feasible)
        {
            own.Add(new LocalizedText(string.Create(CultureInfo.InvariantCulture, $"lời giải chưa chứng minh tối ưu: khoảng cách {base_.Chosen.Gap:P2}."),
                string.Create(CultureInfo.InvariantCulture, $"the solution is not proven optimal: gap {base_.Chosen.Gap:P2}.")));
        }
    }
}
