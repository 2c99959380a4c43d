namespace Facilities.Core.Tracker;

/// <summary>What the time-limit clock does while a case is at a step.</summary>
public enum StepClock
{
    /// <summary>Working days count towards the limit.</summary>
    Runs,

    /// <summary>Working days do not count (financial obligations, returned for supplement, ...).</summary>
    Paused,

    /// <summary>No limit applies: not started, or ended.</summary>
    Stopped,
}
