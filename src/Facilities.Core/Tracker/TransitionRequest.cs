namespace Facilities.Core.Tracker;

/// <summary>A request to move a case to another step.</summary>
/// <param name="To">The step wanted.</param>
/// <param name="At">When (the caller's clock; Core never reads one).</param>
/// <param name="Note">Free text, stored verbatim.</param>
/// <param name="Attachments">References to attached documents, stored verbatim (null for none).</param>
/// <param name="ExpectedVersion">The version the user saw; a different current version is a conflict. Null skips the check.</param>
public sealed record TransitionRequest(
    CaseStep To, DateTimeOffset At, string Note = "", IReadOnlyList<string>? Attachments = null, int? ExpectedVersion = null);
