namespace Facilities.Core.Tracker;

/// <summary>A signed-in user as the tracker's rules see them (accounts and passwords live in the host).</summary>
/// <param name="Name">Login name, recorded as the actor of the events they make.</param>
/// <param name="Role">The role.</param>
/// <param name="CommuneCode">The commune a commune official belongs to (required for that role); limits a viewer when set.</param>
public sealed record TrackerUser(string Name, TrackerRole Role, string? CommuneCode = null);
