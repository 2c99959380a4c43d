namespace Facilities.Core.Tracker;

/// <summary>A tracker account as stored: the user and a password hash from <see cref="TrackerPasswords.Hash(string)"/>.</summary>
/// <param name="User">Name, role and commune.</param>
/// <param name="PasswordHash">PBKDF2 hash text (never the password).</param>
public sealed record StoredUser(TrackerUser User, string PasswordHash);
