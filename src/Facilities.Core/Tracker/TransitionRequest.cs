namespace Facilities.Core.Tracker;

/// <summary>A request to move a case to another step.</summary>
/// <param name="To">The step wanted.</param>
/// <param name="At">When (the caller's clock; Core never reads one).</param>
/// <param name="Note">Free text, stored verbatim.</param>
/// <param name="Attachments">References to attached documents, stored verbatim (null for none).</param>
/// <param name="ExpectedVersion">The version the user saw; a different current version is a conflict. Null skips the check.</param>
/// <param name="AuditFrom">
/// The client address to audit the move under (the web server's requests): the store then writes the audit line
/// (<see cref="TransitionAudit"/>) in the same transaction as the event, so neither exists without the other. Null
/// writes no audit line (the CLI, run on the server itself).
/// </param>
public sealed record TransitionRequest(
    CaseStep To, DateTimeOffset At, string Note = "", IReadOnlyList<string>? Attachments = null, int? ExpectedVersion = null,
    string? AuditFrom = null);
