namespace Facilities.Core.Tracker.Procedures;

/// <summary>A stay of a case at one step: when it came and, once it left, when; for the report's medians.</summary>
/// <param name="Step">The step's code.</param>
/// <param name="Entered">Local date it entered the step.</param>
/// <param name="Left">Local date it left (null while it is still there).</param>
/// <param name="WorkingDays">Working days after the day it entered up to the day it left (or the as-of day).</param>
public sealed record StepVisit(string Step, DateOnly Entered, DateOnly? Left, int WorkingDays);
