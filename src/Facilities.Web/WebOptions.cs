namespace Facilities.Web;

/// <summary>What <see cref="FacilitiesWebApp.Build"/> serves and where.</summary>
public sealed record WebOptions
{
    /// <summary>
    /// The dataset whose layers and results are served: a GeoPackage path or a PostgreSQL location (docs/cli.md,
    /// "Dataset locations"; then give <see cref="TrackerDb"/> too, as <c>facilities serve</c> does).
    /// </summary>
    public required string DatasetPath { get; init; }

    /// <summary>
    /// PostgreSQL connection string for the tracker's cases and accounts; null keeps them in SQLite beside the dataset
    /// (<c>&lt;dataset&gt;.tracker.sqlite</c>), as <c>facilities cases</c> does.
    /// </summary>
    public string? TrackerDb { get; init; }

    /// <summary>The tracker's calendar file (JSON: official day swaps, extra holidays), as <c>cases --calendar</c>; null: built-in.</summary>
    public string? TrackerCalendarPath { get; init; }

    /// <summary>A province's procedures file (JSON), as <c>cases --procedures</c>; null: built-in.</summary>
    public string? ProceduresPath { get; init; }

    /// <summary>PostgreSQL schema of the tracker's tables (with <see cref="TrackerDb"/>); tests give each run its own.</summary>
    public string TrackerSchema { get; init; } = Facilities.Storage.PostGis.PostgresCaseStore.DefaultSchema;

    /// <summary>Province norms file over the built-in national defaults (as <c>--norms</c> of the result commands); null for the defaults.</summary>
    public string? NormsPath { get; init; }

    /// <summary>TCP port on <see cref="ListenAddress"/>; 0 lets the system choose a free one.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>
    /// The address to listen on: loopback by default; any other only with <see cref="TlsCertPath"/> or
    /// <see cref="BehindProxy"/> (<see cref="Security.ListenPolicy"/>).
    /// </summary>
    public System.Net.IPAddress ListenAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>PEM certificate (chain) the server serves HTTPS with; null for plain HTTP (loopback or behind a proxy).</summary>
    public string? TlsCertPath { get; init; }

    /// <summary>PEM private key of <see cref="TlsCertPath"/>.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>
    /// Behind a reverse proxy that serves HTTPS: X-Forwarded-For/Proto/Host are honoured from <see cref="Proxies"/>
    /// only, and the session cookie is always Secure.
    /// </summary>
    public bool BehindProxy { get; init; }

    /// <summary>The proxies whose X-Forwarded-* headers are trusted (with <see cref="BehindProxy"/>); loopback by default.</summary>
    public IReadOnlyList<System.Net.IPAddress> Proxies { get; init; } = [System.Net.IPAddress.Loopback, System.Net.IPAddress.IPv6Loopback];

    /// <summary>Folder of the built client (index.html, app.js …); null for wwwroot beside the assembly.</summary>
    public string? WebRoot { get; init; }

    /// <summary>The clock transitions are dated with and deadlines are computed against (tests may fix it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>An online tile URL template for a base map (e.g. https://…/{z}/{x}/{y}.png); null: no base map, works offline.</summary>
    public string? BasemapUrl { get; init; }

    /// <summary>Whether to log every request to the console (off: the CLI prints only the address).</summary>
    public bool RequestLogging { get; init; }

    /// <summary>Tracker moves (transitions) processed at once; more wait in <see cref="WriteQueue"/>.</summary>
    public int WriteConcurrency { get; init; } = 16;

    /// <summary>Tracker moves that may wait for their turn; beyond that the server answers 503 with Retry-After at once.</summary>
    public int WriteQueue { get; init; } = 256;

    /// <summary>A session ends after this long without a request (default 1 hour).</summary>
    public TimeSpan SessionIdle { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A session ends this long after sign-in however busy (default 10 hours, a working day).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(10);

    /// <summary>Where the server's security and error log goes besides the console (tests read it); null for the console only.</summary>
    public ILoggerProvider? LogTo { get; init; }
}
