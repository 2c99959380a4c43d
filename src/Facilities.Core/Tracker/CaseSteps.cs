namespace Facilities.Core.Tracker;

/// <summary>The snake_case codes of <see cref="CaseStep"/> used in files, events and messages.</summary>
public static class CaseSteps
{
    private static readonly Dictionary<CaseStep, string> Codes = new()
    {
        [CaseStep.NotStarted] = "not_started",
        [CaseStep.Received] = "received",
        [CaseStep.Checked] = "checked",
        [CaseStep.Surveyed] = "surveyed",
        [CaseStep.FormDecided] = "form_decided",
        [CaseStep.FinancialObligations] = "financial_obligations",
        [CaseStep.Signed] = "signed",
        [CaseStep.HandedOver] = "handed_over",
        [CaseStep.ReturnedForSupplement] = "returned_for_supplement",
        [CaseStep.Suspended] = "suspended",
        [CaseStep.Rejected] = "rejected",
        [CaseStep.Withdrawn] = "withdrawn",
    };

    private static readonly Dictionary<string, CaseStep> ByCode = Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every step, in procedure order.</summary>
    public static IReadOnlyList<CaseStep> All { get; } = Enum.GetValues<CaseStep>();

    /// <summary>The code of a step, e.g. "form_decided".</summary>
    public static string Code(CaseStep step) => Codes[step];

    /// <summary>The step with this code (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? code, out CaseStep step) => ByCode.TryGetValue(code ?? "", out step);

    /// <summary>The step with this code; throws <see cref="FormatException"/> listing the codes otherwise.</summary>
    public static CaseStep Parse(string code) => TryParse(code, out var step)
        ? step
        : throw new FormatException($"'{code}' is not a step; steps are {string.Join(", ", Codes.Values)}");

    /// <summary>A case that has ended: no further move is allowed and the clock has stopped for good.</summary>
    public static bool IsTerminal(CaseStep step) => step is CaseStep.HandedOver or CaseStep.Rejected or CaseStep.Withdrawn;

    /// <summary>A step left temporarily: the case goes back to the step it came from.</summary>
    public static bool IsInterruption(CaseStep step) => step is CaseStep.ReturnedForSupplement or CaseStep.Suspended;
}
