using Facilities.Core.Tracker;
using Facilities.Storage.PostGis;
using Facilities.Storage.Sqlite.Tracker;

namespace Facilities.Web.Security;

/// <summary>
/// The audit log, sessions and login-throttle store (<see cref="ITrackerSecurityStore"/>) in the tracker's own database, opened on first
/// use as <see cref="Tracker.TrackerContext"/> opens the cases: SQLite beside the dataset, or PostgreSQL with
/// <see cref="WebOptions.TrackerDb"/> in <see cref="WebOptions.TrackerSchema"/>. A failed opening is tried again on the
/// next use (the database may come up after the server).
/// </summary>
public sealed class TrackerSecurity : IDisposable
{
    private readonly Func<ITrackerSecurityStore> _open;
    private readonly object _opening = new();
    private ITrackerSecurityStore? _store;

    /// <summary>Creates the context; nothing is opened yet.</summary>
    public TrackerSecurity(WebOptions options, string datasetPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        _open = string.IsNullOrWhiteSpace(options.TrackerDb)
            ? () => SqliteTrackerSecurity.Open(SqliteCaseStore.PathFor(datasetPath))
            : () => PostgresTrackerSecurity.Open(options.TrackerDb!, options.TrackerSchema);
    }

    /// <summary>The store, opened on first use.</summary>
    public ITrackerSecurityStore Store
    {
        get
        {
            if (Volatile.Read(ref _store) is { } open)
            {
                return open;
            }

            lock (_opening)
            {
                return _store ??= _open();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _store?.Dispose();
}
