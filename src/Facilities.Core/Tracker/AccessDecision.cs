using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>The answer of <see cref="TrackerAuthorization.Decide(TrackerUser, string, TrackerAction)"/>.</summary>
/// <param name="Allowed">Whether the action is allowed.</param>
/// <param name="Reason">Why, in Vietnamese and English.</param>
public sealed record AccessDecision(bool Allowed, LocalizedText Reason);
