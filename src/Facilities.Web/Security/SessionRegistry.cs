using System.Security.Cryptography;
using System.Text;
using Facilities.Core.Tracker;

namespace Facilities.Web.Security;

/// <summary>
/// The server's sign-in sessions, kept in the tracker's database (<see cref="ITrackerSecurityStore"/>) so that every
/// server process on that database knows them: a user the proxy sends to another process stays signed in, a logout on
/// one ends the session on all, and a restart signs no one out. The cookie carries only the session id (256 random
/// bits); the database holds its SHA-256, never the id itself. A session ends after <see cref="Idle"/> without a
/// request or <see cref="Lifetime"/> after sign-in; its last use is written at most every <see cref="TouchEvery"/>
/// (a read does not become a database write each time), so an idle session may end up to that much early.
/// </summary>
public sealed class SessionRegistry
{
    private readonly TrackerSecurity _security;
    private readonly TimeProvider _time;

    /// <summary>Creates the registry over the tracker's database.</summary>
    public SessionRegistry(TrackerSecurity security, TimeProvider time, TimeSpan idle, TimeSpan lifetime)
    {
        _security = security;
        _time = time;
        Idle = idle;
        Lifetime = lifetime;
    }

    /// <summary>How long a session survives without a request.</summary>
    public TimeSpan Idle { get; }

    /// <summary>How long a session survives after sign-in, however busy.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>The last use of a session is written at most this often.</summary>
    public static TimeSpan TouchEvery { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Opens a session for <paramref name="user"/> as of account epoch <paramref name="epoch"/>; returns its id.</summary>
    public async Task<string> OpenAsync(string user, int epoch, CancellationToken cancel)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = _time.GetUtcNow();
        await _security.Store.OpenSessionAsync(Hash(id), new StoredSession(user, epoch, now, now), now - Idle, cancel);
        return id;
    }

    /// <summary>The live session with this id, its last use moved to now; null (and ended) when unknown or expired.</summary>
    public async Task<StoredSession?> TouchAsync(string? id, CancellationToken cancel)
    {
        if (id is null)
        {
            return null;
        }

        var hash = Hash(id);
        var s = await _security.Store.FindSessionAsync(hash, cancel);
        if (s is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (now - s.LastSeen > Idle || now - s.Created > Lifetime)
        {
            await _security.Store.EndSessionAsync(hash, cancel);
            return null;
        }

        if (now - s.LastSeen >= TouchEvery)
        {
            await _security.Store.TouchSessionAsync(hash, now, cancel);
        }

        return s with { LastSeen = now };
    }

    /// <summary>Ends the session (logout, or a refused account); nothing when it is not open.</summary>
    public async Task EndAsync(string? id, CancellationToken cancel)
    {
        if (id is not null)
        {
            await _security.Store.EndSessionAsync(Hash(id), cancel);
        }
    }

    /// <summary>What the database keeps of a session id: its SHA-256, hex.</summary>
    public static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id))).ToLowerInvariant();
}
