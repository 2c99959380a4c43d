using System.CommandLine;
using Facilities.Core.Tracker;
using Facilities.Core.Tracker.Procedures;
using Facilities.Storage.PostGis;
using Facilities.Storage.Sqlite.Tracker;

namespace Facilities.Cli.Commands;

/// <summary>What every <c>cases</c> subcommand opens: the store (SQLite beside the dataset, or --db), the service and the sites.</summary>
internal sealed class CasesSession : IDisposable
{
    private readonly Lazy<TrackerSites> _sites;
    private readonly Lazy<CasesNames> _names;
    private readonly string? _dataset;

    private CasesSession(ICaseStore store, string? dataset, Ui ui, TrackerSetup setup)
    {
        Store = store;
        Ui = ui;
        _dataset = dataset;
        Setup = setup;
        Service = new CaseService(store, setup.Config, setup.Calendar, TimeProvider.System);
        Chains = new ChainService(Service, store, (IProcedureStore)store, setup.Procedures);
        _sites = new Lazy<TrackerSites>(() => TrackerSites.Load(DatasetPath("danh sách trường (điểm trường) lấy từ lớp schools", "the sites come from its schools layer")));
        _names = new Lazy<CasesNames>(() => CasesNames.Load(DatasetPath("tên trường và xã/phường lấy từ lớp schools và wards", "school and commune names come from its schools and wards layers")));
    }

    public ICaseStore Store { get; }

    public CaseService Service { get; }

    /// <summary>The site chains (every procedure) over the same store.</summary>
    public ChainService Chains { get; }

    /// <summary>The configuration, calendar and procedures in use (with --calendar and --procedures).</summary>
    public TrackerSetup Setup { get; }

    /// <summary>The dataset file, when given.</summary>
    public string? Dataset => _dataset;

    public Ui Ui { get; }

    public TrackerSites Sites => _sites.Value;

    /// <summary>School and commune names, and the dataset's commune codes.</summary>
    public CasesNames Names => _names.Value;

    /// <summary>The dataset, or a usage error saying what it is needed for.</summary>
    public string DatasetPath(string whyVi, string whyEn) => _dataset ?? throw new ArgumentException(Ui.T(
        $"cần --dataset <tệp .gpkg>: {whyVi}.", $"--dataset <file.gpkg> is required: {whyEn}."));

    /// <summary>The current instant in Vietnam (UTC+7), to the second.</summary>
    public static DateTimeOffset Now
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(7));
        }
    }

    public static CasesSession Open(ParseResult r, Ui u, CasesOptions o)
    {
        var dataset = r.GetValue(o.Dataset)?.FullName;
        var db = r.GetValue(o.Db);
        // The files are read before the store is opened: a bad calendar is a usage error, with nothing opened.
        var setup = TrackerSetup.Load(ReadSetting(r.GetValue(o.Calendar), u), ReadSetting(r.GetValue(o.Procedures), u));
        ICaseStore store;
        if (!string.IsNullOrWhiteSpace(db))
        {
            store = PostgresCaseStore.Open(db);
        }
        else if (dataset is not null)
        {
            if (!File.Exists(dataset))
            {
                throw new FileNotFoundException(u.T($"không tìm thấy bộ dữ liệu {dataset}", $"dataset {dataset} not found"));
            }

            store = SqliteCaseStore.Open(SqliteCaseStore.PathFor(dataset));
        }
        else
        {
            throw new ArgumentException(u.T("cần --dataset <tệp .gpkg> hoặc --db \"Host=…\".", "--dataset <file.gpkg> or --db \"Host=…\" is required."));
        }

        return new CasesSession(store, dataset, u, setup);
    }

    /// <summary>A settings file's text and name, or null; a missing file is an error naming it.</summary>
    public static (string Text, string Name)? ReadSetting(FileInfo? file, Ui u) => file is null ? null
        : file.Exists ? (File.ReadAllText(file.FullName), file.Name)
        : throw new FileNotFoundException(u.T($"không tìm thấy tệp {file.FullName}", $"file {file.FullName} not found"), file.FullName);

    /// <summary>Signs in with --user and --password (or FACILITIES_PASSWORD); null after printing why not.</summary>
    public async Task<TrackerUser?> LoginAsync(ParseResult r, CasesOptions o, CancellationToken cancel)
    {
        var name = r.GetValue(o.User);
        var password = r.GetValue(o.Password) ?? Environment.GetEnvironmentVariable("FACILITIES_PASSWORD");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password))
        {
            Ui.Err.WriteLine(Ui.T(
                "cần đăng nhập: --user <tên> và mật khẩu (biến môi trường FACILITIES_PASSWORD hoặc --password).",
                "login required: --user <name> and a password (FACILITIES_PASSWORD environment variable, or --password)."));
            return null;
        }

        var user = await Service.LoginAsync(name, password, cancel);
        if (user is null)
        {
            Ui.Err.WriteLine(Ui.T("đăng nhập không thành công: sai tên hoặc mật khẩu.", "login failed: wrong name or password."));
        }

        return user;
    }

    /// <summary>The site with this id; throws a usage error naming it when the dataset has no such school.</summary>
    public CaseSite Site(string id) => Sites.Find(id) ?? throw new ArgumentException(Ui.T(
        $"không có trường mã '{id}' trong lớp schools của bộ dữ liệu.", $"no school with id '{id}' in the dataset's schools layer."));

    public void Dispose() => Store.Dispose();
}
