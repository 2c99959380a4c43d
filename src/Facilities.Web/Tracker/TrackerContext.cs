using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Facilities.Storage.PostGis;
using Facilities.Storage.Sqlite.Tracker;
using NetTopologySuite.Geometries;

namespace Facilities.Web.Tracker;

/// <summary>
/// The tracker behind the HTTP API, opened on first use as <c>facilities cases</c> opens it: SQLite beside the
/// dataset (<c>&lt;dataset&gt;.tracker.sqlite</c>) or PostgreSQL with <see cref="WebOptions.TrackerDb"/>; the sites
/// are the dataset's schools, with their names, communes and positions for the map.
/// </summary>
public sealed class TrackerContext : IDisposable
{
    private readonly Func<ICaseStore> _open;
    private readonly object _opening = new();
    private ICaseStore? _store;
    private CaseService? _service;
    private ChainService? _chains;
    private readonly Lazy<TrackerSetup> _setup;
    private readonly Lazy<TrackerSites> _sites;
    private readonly Lazy<Dictionary<string, SiteInfo>> _info;
    private readonly Lazy<Dictionary<string, string>> _communeNames;

    /// <summary>Creates the context; nothing is opened yet.</summary>
    public TrackerContext(WebOptions options, DatasetService dataset)
    {
        Time = options.Time;
        // PERF (issue 15): the built-in calendar and procedures (a JSON resource parsed, the holidays laid out) are
        // made on first use, off the server's start; a file of the user's is read now, so a bad one stops the start.
        _setup = options.TrackerCalendarPath is null && options.ProceduresPath is null
            ? new Lazy<TrackerSetup>(() => TrackerSetup.BuiltIn)
            : new Lazy<TrackerSetup>(LoadSetup(options));
        DatasetPath = dataset.Path;
        StoreKind = string.IsNullOrWhiteSpace(options.TrackerDb) ? "sqlite" : "postgresql";
        _open = () => StoreKind == "sqlite"
            ? SqliteCaseStore.Open(SqliteCaseStore.PathFor(dataset.Path))
            : PostgresCaseStore.Open(options.TrackerDb!, options.TrackerSchema);
        _sites = new Lazy<TrackerSites>(() => TrackerSites.Load(dataset.Store));
        _info = new Lazy<Dictionary<string, SiteInfo>>(() => (dataset.Layer("schools")?.Features ?? [])
            .GroupBy(f => Text(f["id"]))
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g =>
            {
                var point = g.First().Geometry is { IsEmpty: false } geometry ? (geometry as Point ?? geometry.InteriorPoint) : null;
                return new SiteInfo(Text(g.First()["name"]), point?.X, point?.Y);
            }, StringComparer.Ordinal));
        _communeNames = new Lazy<Dictionary<string, string>>(() => (dataset.Layer("wards")?.Features ?? [])
            .GroupBy(f => Text(f["code"]))
            .ToDictionary(g => g.Key, g => Text(g.First()["name"]), StringComparer.Ordinal));
    }

    /// <summary>"sqlite" or "postgresql".</summary>
    public string StoreKind { get; }

    /// <summary>The clock transitions are dated with.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// The store, opened and migrated on first use (the server opens it as it starts). A failed opening is tried
    /// again on the next use, not remembered: PostgreSQL may be down when the server starts and come up later.
    /// </summary>
    public ICaseStore Store
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

    /// <summary>The tracker's use cases.</summary>
    public CaseService Service
    {
        get
        {
            if (Volatile.Read(ref _service) is { } service)
            {
                return service;
            }

            var created = new CaseService(Store, Setup.Config, Setup.Calendar, Time);
            return Interlocked.CompareExchange(ref _service, created, null) ?? created;
        }
    }

    /// <summary>The site chains (every procedure) over the same store.</summary>
    public ChainService Chains
    {
        get
        {
            if (Volatile.Read(ref _chains) is { } chains)
            {
                return chains;
            }

            var created = new ChainService(Service, Store, (IProcedureStore)Store, Setup.Procedures);
            return Interlocked.CompareExchange(ref _chains, created, null) ?? created;
        }
    }

    /// <summary>The configuration, calendar and procedures (with the calendar and procedures files).</summary>
    public TrackerSetup Setup => _setup.Value;

    /// <summary>The dataset file's name, for stamps.</summary>
    public string DatasetPath { get; }

    /// <summary>The settings of <paramref name="options"/>; throws <see cref="FormatException"/> or <see cref="FileNotFoundException"/> for a bad file.</summary>
    public static TrackerSetup LoadSetup(WebOptions options)
    {
        static (string, string)? Read(string? path) => path is null ? null : (File.ReadAllText(path), Path.GetFileName(path));
        return TrackerSetup.Load(Read(options.TrackerCalendarPath), Read(options.ProceduresPath));
    }

    /// <summary>The dataset's school sites.</summary>
    public TrackerSites Sites => _sites.Value;

    /// <summary>Name and position of a site (a school's first row), for lists and the map.</summary>
    public SiteInfo Info(string siteId) => _info.Value.GetValueOrDefault(siteId, new SiteInfo("", null, null));

    /// <summary>Name of a commune from the wards layer ("" when unknown).</summary>
    public string CommuneName(string code) => _communeNames.Value.GetValueOrDefault(code, "");

    /// <summary>Now, in Vietnam (UTC+7), to the second: the instant a transition is recorded at.</summary>
    public DateTimeOffset Now()
    {
        // UtcTicks, not Ticks: a clock that answers with an offset (a test's fixed +07:00 instant) would otherwise be
        // read as UTC and move every event seven hours ahead.
        var now = Time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(now - (now % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(7));
    }

    /// <summary>Today in Vietnam: the day deadlines and overdue flags are computed for.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(Now().DateTime);

    /// <inheritdoc/>
    public void Dispose()
    {
        _store?.Dispose();
    }

    private static string Text(object? v) => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
}
