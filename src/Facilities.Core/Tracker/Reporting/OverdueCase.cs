using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Reporting;

/// <summary>An open procedure past its limit on the period's last day, with the office that holds it.</summary>
/// <param name="SiteId">The school site.</param>
/// <param name="CommuneCode">Its commune.</param>
/// <param name="Procedure">The procedure's code.</param>
/// <param name="Step">The step it is at.</param>
/// <param name="Office">The office responsible at that step (null when the step names none).</param>
/// <param name="ReceivedOn">Day the dossier was received.</param>
/// <param name="DueDate">Its due date.</param>
/// <param name="DaysOver">Days counted beyond the limit (in the limit's unit).</param>
public sealed record OverdueCase(string SiteId, string CommuneCode, string Procedure, string Step, LocalizedText? Office, DateOnly ReceivedOn, DateOnly? DueDate, int DaysOver);
