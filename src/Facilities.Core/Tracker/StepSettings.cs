using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>How a province names a step and whether the clock runs there.</summary>
/// <param name="Step">The step.</param>
/// <param name="Name">Name in Vietnamese and English.</param>
/// <param name="Clock">Whether the time limit runs, is paused or has stopped.</param>
/// <param name="Status">confirmed, secondary or unconfirmed (as in the norms file).</param>
/// <param name="Source">Where the clock setting comes from.</param>
public sealed record StepSettings(CaseStep Step, LocalizedText Name, StepClock Clock, string Status, string Source)
{
    /// <summary>The step's code, e.g. "received".</summary>
    public string Code => CaseSteps.Code(Step);
}
