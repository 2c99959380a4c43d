namespace Facilities.Core.Tracker;

/// <summary>What a user wants to do with a case.</summary>
public enum TrackerAction
{
    /// <summary>See the case, its history and its deadline.</summary>
    Read,

    /// <summary>Move the case to another step.</summary>
    Write,
}
