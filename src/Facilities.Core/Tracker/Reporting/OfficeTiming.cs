using Facilities.Core.Validation;

namespace Facilities.Core.Tracker.Reporting;

/// <summary>An office's pace: its stays that ended in the period and the overdue procedures it holds now.</summary>
/// <param name="Office">The office.</param>
/// <param name="Stays">Stays at its steps that ended in the period.</param>
/// <param name="MedianWorkingDays">Median working days per stay; null without stays.</param>
/// <param name="TotalWorkingDays">Working days of those stays, summed.</param>
/// <param name="OverdueHeld">Overdue procedures at one of its steps on the period's last day.</param>
public sealed record OfficeTiming(LocalizedText Office, int Stays, double? MedianWorkingDays, int TotalWorkingDays, int OverdueHeld);
