using Facilities.Core.Tracker.Procedures;
using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Reporting;

/// <summary>How long cases stayed at one step, over the stays that ended in the period.</summary>
/// <param name="Procedure">The procedure's code.</param>
/// <param name="Step">The step's code.</param>
/// <param name="Office">The office responsible at the step.</param>
/// <param name="Stays">Number of stays that ended in the period.</param>
/// <param name="MedianWorkingDays">Median working days per stay; null without stays.</param>
/// <param name="ProcedureLimit">The procedure's default limit (the law sets the whole procedure's, not each step's).</param>
/// <param name="LimitUnit">The limit's unit.</param>
public sealed record StepTiming(string Procedure, string Step, LocalizedText? Office, int Stays, double? MedianWorkingDays, int ProcedureLimit, LimitUnit LimitUnit);
