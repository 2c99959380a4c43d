namespace Facilities.Core.Tracker;

/// <summary>A tracker account as stored: the user and a password hash from <see cref="TrackerPasswords.Hash(string)"/>.</summary>
/// <param name="User">Name, role and commune.</param>
/// <param name="PasswordHash">PBKDF2 hash text (never the password).</param>
/// <param name="Disabled">A disabled account cannot sign in, and its open sessions are refused.</param>
/// <param name="SessionEpoch">
/// Incremented by every change of the account (password, role, disabled); a session remembers the epoch it was opened
/// in and is refused once the account's epoch moved on.
/// </param>
public sealed record StoredUser(TrackerUser User, string PasswordHash, bool Disabled = false, int SessionEpoch = 0);
