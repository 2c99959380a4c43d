namespace Facilities.Core.Tracker;

/// <summary>
/// The allowed moves between steps, explicitly. The main path is received → checked → (surveyed) → form_decided →
/// (financial_obligations) → signed → handed_over. A dossier can be returned for supplement or suspended by a dispute
/// and then goes back to the step it left; it can be rejected or withdrawn until it is signed.
/// handed_over, rejected and withdrawn are terminal.
/// </summary>
public static class TransitionTable
{
    private static readonly CaseStep[] Ends = [CaseStep.Rejected, CaseStep.Withdrawn];

    private static readonly Dictionary<CaseStep, CaseStep[]> Moves = new()
    {
        [CaseStep.NotStarted] = [CaseStep.Received],
        [CaseStep.Received] = [CaseStep.Checked, CaseStep.ReturnedForSupplement, .. Ends],
        [CaseStep.Checked] = [CaseStep.Surveyed, CaseStep.FormDecided, CaseStep.ReturnedForSupplement, CaseStep.Suspended, .. Ends],
        [CaseStep.Surveyed] = [CaseStep.FormDecided, CaseStep.ReturnedForSupplement, CaseStep.Suspended, .. Ends],
        [CaseStep.FormDecided] =
            [CaseStep.FinancialObligations, CaseStep.Signed, CaseStep.ReturnedForSupplement, CaseStep.Suspended, .. Ends],
        [CaseStep.FinancialObligations] = [CaseStep.Signed, CaseStep.ReturnedForSupplement, CaseStep.Suspended, .. Ends],
        [CaseStep.Signed] = [CaseStep.HandedOver],
        [CaseStep.HandedOver] = [],
        [CaseStep.ReturnedForSupplement] = [.. Ends],
        [CaseStep.Suspended] = [.. Ends],
        [CaseStep.Rejected] = [],
        [CaseStep.Withdrawn] = [],
    };

    /// <summary>
    /// The fixed moves from each step. From returned_for_supplement and suspended the case may also go back to the
    /// step it left, which depends on the case (<see cref="AllowedFrom"/>).
    /// </summary>
    public static IReadOnlyDictionary<CaseStep, IReadOnlyList<CaseStep>> Fixed { get; } =
        Moves.ToDictionary(p => p.Key, p => (IReadOnlyList<CaseStep>)p.Value);

    /// <summary>
    /// The moves allowed from <paramref name="current"/>; <paramref name="resumeStep"/> is the step an interrupted
    /// case left (listed first), ignored for other steps.
    /// </summary>
    public static IReadOnlyList<CaseStep> AllowedFrom(CaseStep current, CaseStep? resumeStep) =>
        CaseSteps.IsInterruption(current) && resumeStep is CaseStep back ? [back, .. Moves[current]] : Moves[current];

    /// <summary>Whether the move is in the table.</summary>
    public static bool IsAllowed(CaseStep from, CaseStep to, CaseStep? resumeStep) => AllowedFrom(from, resumeStep).Contains(to);
}
