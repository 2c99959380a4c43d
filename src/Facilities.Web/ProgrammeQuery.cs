using System.Globalization;
using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Core.Schema;

namespace Facilities.Web;

/// <summary>
/// The options of <c>/api/programme?from=&amp;to=&amp;budget=…</c> (docs/web-api.md): the CLI's <c>facilities programme</c>
/// options a map user needs, with the budget one amount per year in billion VND. <see cref="Parse"/> gives either the
/// options or a 400 naming the parameter.
/// </summary>
internal sealed record ProgrammeQuery(int From, int To, decimal BudgetBillion, IReadOnlyList<string> Levels, bool CarryOver, string Solver, double TimeLimitSeconds)
{
    /// <summary>Scenarios solved beside the base (<c>scenarios=budget-20%,growth-high</c>).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Equity rule (<c>equity=0.1@2030</c>), or null.</summary>
    public EquityRule? Equity { get; init; }

    /// <summary>Need method: admin or catchment.</summary>
    public string Method { get; init; } = "admin";

    /// <summary>
    /// The longest a request may make the exact solver search (seconds): a map request must answer, so the web caps
    /// what the CLI leaves to the user (its default is 60 s); the best programme found by then is served with its gap.
    /// </summary>
    public const double MaxTimeLimitSeconds = 20;

    /// <summary>Canonical text of the options (the cache key of the answer).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"from={From};to={To};budget={BudgetBillion};levels={string.Join(",", Levels)};carry={CarryOver};solver={Solver};limit={TimeLimitSeconds};method={Method};equity={Equity?.Describe() ?? "none"};scenarios={string.Join(",", Scenarios)}");

    /// <summary>The application layer's options for these parameters, land readiness counted from <paramref name="asOf"/>.</summary>
    public ProgrammeOptions Options(DateOnly asOf) => new(From, To,
        new ProgrammeBudget(Enumerable.Range(From, To - From + 1).ToDictionary(y => y, _ => BudgetBillion * 1_000_000_000m), CarryOver))
    {
        Levels = Levels,
        Method = Method,
        Equity = Equity,
        Scenarios = Scenarios,
        AsOf = asOf,
        Limits = new SolverLimits { TimeLimit = TimeSpan.FromSeconds(TimeLimitSeconds), RelativeGap = 0.01 },
    };

    public static (ProgrammeQuery? Query, IResult? Error) Parse(IQueryCollection q)
    {
        if (!Year(q, "from", 2026, out var from))
        {
            return (null, ApiError.BadParameter("from", $"'{q["from"]}' không phải năm (2000–2200)", $"'{q["from"]}' is not a year (2000–2200)"));
        }

        if (!Year(q, "to", from + 4, out var to) || to < from || to - from > 15)
        {
            return (null, ApiError.BadParameter("to", $"'{q["to"]}': năm cuối từ 'from' đến 'from'+15", $"'{q["to"]}': the last year must be from 'from' to 'from'+15"));
        }

        var budgetText = q["budget"].ToString();
        if (!decimal.TryParse(budgetText, NumberStyles.Number, CultureInfo.InvariantCulture, out var budget) || budget < 0 || budget > 1_000_000)
        {
            return (null, ApiError.BadParameter("budget", $"'{budgetText}': ngân sách mỗi năm, tỉ đồng (0–1000000), bắt buộc",
                $"'{budgetText}': the budget per year in billion VND (0–1000000), required"));
        }

        var levels = DatasetSchema.Levels.ToList();
        if (q["levels"].ToString() is { Length: > 0 } levelText)
        {
            var asked = levelText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (asked.Length == 0 || asked.FirstOrDefault(l => !DatasetSchema.Levels.Contains(l)) is { } bad)
            {
                return (null, ApiError.BadParameter("levels", $"'{levelText}': các cấp học cách nhau bởi dấu phẩy: " + string.Join(" | ", DatasetSchema.Levels),
                    $"'{levelText}': levels separated by commas: " + string.Join(" | ", DatasetSchema.Levels)));
            }

            levels = [.. DatasetSchema.Levels.Where(asked.Contains)];
        }

        var carry = q["carryOver"].ToString();
        if (carry is not ("" or "true" or "false"))
        {
            return (null, ApiError.BadParameter("carryOver", $"'{carry}': dùng true | false", $"'{carry}': use true | false"));
        }

        var solver = q["solver"].ToString() is { Length: > 0 } s ? s : "scip";
        if (solver is not ("scip" or "greedy"))
        {
            return (null, ApiError.BadParameter("solver", $"'{solver}': dùng scip | greedy", $"'{solver}': use scip | greedy"));
        }

        var limit = MaxTimeLimitSeconds;
        if (q["timeLimit"].ToString() is { Length: > 0 } t
            && (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out limit) || limit is not (> 0 and <= MaxTimeLimitSeconds)))
        {
            return (null, ApiError.BadParameter("timeLimit", $"'{t}': giây, trong (0, {MaxTimeLimitSeconds}]", $"'{t}': seconds, in (0, {MaxTimeLimitSeconds}]"));
        }

        var scenarios = new List<string>();
        if (q["scenarios"].ToString() is { Length: > 0 } scenarioText)
        {
            scenarios = [.. scenarioText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
            if (scenarios.FirstOrDefault(x => !ProgrammeOptions.KnownScenarios.Contains(x)) is { } unknown)
            {
                return (null, ApiError.BadParameter("scenarios", $"'{unknown}': các kịch bản: {string.Join(" | ", ProgrammeOptions.KnownScenarios)}",
                    $"'{unknown}': scenarios are {string.Join(" | ", ProgrammeOptions.KnownScenarios)}"));
            }
        }

        EquityRule? equity = null;
        if (q["equity"].ToString() is { Length: > 0 } equityText)
        {
            var parts = equityText.Split('@');
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is not (> 0 and <= 1)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < from || year > to)
            {
                return (null, ApiError.BadParameter("equity", $"'{equityText}': tỉ lệ (0, 1] @ năm trong kỳ, vd 0.1@{to}", $"'{equityText}': a share in (0, 1] @ a year of the plan, e.g. 0.1@{to}"));
            }

            equity = new EquityRule(share, year);
        }

        var method = q["method"].ToString() is { Length: > 0 } m ? m : "admin";
        if (method is not ("admin" or "catchment"))
        {
            return (null, ApiError.BadParameter("method", $"'{method}': dùng admin | catchment", $"'{method}': use admin | catchment"));
        }

        var parsed = new ProgrammeQuery(from, to, budget, levels, carry == "true", solver, limit) { Scenarios = scenarios, Equity = equity, Method = method };
        // The application layer's own refusal (e.g. the equity rule with the catchment method), named after the parameter that causes it.
        if (Application.ProgrammeComputation.Refusal(parsed.Options(DateOnly.MinValue)) is { } refused)
        {
            return (null, ApiError.BadParameter(equity is not null ? "equity" : "scenarios", refused.Vi, refused.En));
        }

        return (parsed, null);
    }

    private static bool Year(IQueryCollection q, string name, int fallback, out int year)
    {
        year = fallback;
        return q[name].ToString() is not { Length: > 0 } text
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2200);
    }
}
