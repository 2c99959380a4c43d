using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Facilities.Web.Security;

/// <summary>
/// The server's open sign-in sessions. The cookie carries only a session id; a session exists while it is listed here,
/// so logout ends it for every copy of the cookie, and it ends by itself after <see cref="Idle"/> without a request or
/// <see cref="Lifetime"/> after sign-in. Sessions live in memory, as the cookie keys do: a restart signs everyone out.
/// </summary>
public sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates an empty registry.</summary>
    public SessionRegistry(TimeProvider time, TimeSpan idle, TimeSpan lifetime)
    {
        _time = time;
        Idle = idle;
        Lifetime = lifetime;
    }

    /// <summary>How long a session survives without a request.</summary>
    public TimeSpan Idle { get; }

    /// <summary>How long a session survives after sign-in, however busy.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Number of open sessions (expired ones may still count until they are next looked at).</summary>
    public int Count => _sessions.Count;

    /// <summary>Opens a session for <paramref name="user"/> as of account epoch <paramref name="epoch"/>; returns its id.</summary>
    public string Open(string user, int epoch)
    {
        Prune();
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = _time.GetUtcNow();
        _sessions[id] = new Session(user, epoch, now, now);
        return id;
    }

    /// <summary>The live session with this id, its last use moved to now; null (and forgotten) when unknown or expired.</summary>
    public Session? Touch(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var s))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (now - s.LastSeen > Idle || now - s.Created > Lifetime)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        var touched = s with { LastSeen = now };
        _sessions.TryUpdate(id, touched, s);
        return touched;
    }

    /// <summary>Ends the session (logout, or a refused account); nothing when it is not open.</summary>
    public void End(string? id)
    {
        if (id is not null)
        {
            _sessions.TryRemove(id, out _);
        }
    }

    private void Prune()
    {
        if (_sessions.Count < 1024)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (id, s) in _sessions)
        {
            if (now - s.LastSeen > Idle || now - s.Created > Lifetime)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    /// <summary>An open session: whose, the account epoch it was opened in, when it was opened and last used.</summary>
    public sealed record Session(string User, int Epoch, DateTimeOffset Created, DateTimeOffset LastSeen);
}
