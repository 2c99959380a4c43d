namespace Facilities.Core.Tracker;

/// <summary>
/// A sign-in session kept in the tracker's database: whose, the account's session epoch when it was opened (a change
/// of the account ends it), when it was opened and when it was last used (both UTC).
/// </summary>
public sealed record StoredSession(string User, int Epoch, DateTimeOffset Created, DateTimeOffset LastSeen);
