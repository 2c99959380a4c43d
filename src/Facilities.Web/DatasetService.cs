using System.Collections.Concurrent;
using Facilities.Application;
using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Web;

/// <summary>
/// The served dataset: the application layer's <see cref="DatasetContext"/> (layers, city model, norms, content
/// hash, each loaded once) and the JSON answers already computed (a result depends only on the dataset's content,
/// the norms and the options, so the same request gets the same bytes). The dataset may be edited while the server
/// runs (QGIS writing into PostGIS, a GeoPackage replaced): <see cref="Refresh"/>, called before each data request,
/// compares the store's cheap <see cref="IDatasetStore.ChangeToken"/> with the one the context was made at and, when
/// it moved, starts a new context with no answers, so the next result is computed on the new data. The context
/// holds the parcels in a table (<see cref="DatasetContext.Parcels"/>), read on the first screening, so later
/// screenings with other options do not read the store again; a new context reads them again. Thread-safe;
/// everything loads on first use.
/// </summary>
public sealed class DatasetService
{
    private readonly NormsSet _norms;
    private readonly object _gate = new();
    private volatile Snapshot _current;

    /// <summary>Opens the dataset at <paramref name="location"/> (a GeoPackage, checked to exist, or a PostgreSQL location) with the norms file, if any.</summary>
    public DatasetService(string location, string? normsPath)
    {
        Store = DatasetLocation.Open(location);
        if (DatasetLocation.FilePath(Store) is { } file && !File.Exists(file))
        {
            throw new FileNotFoundException($"không tìm thấy bộ dữ liệu / dataset not found: {file}", file);
        }

        Path = DatasetLocation.Display(Store);
        _norms = NormsFile.Load(normsPath);
        _current = new Snapshot(Store.ChangeToken(), new DatasetContext(Store, _norms, holdParcels: true));
    }

    /// <summary>Where the dataset lives.</summary>
    public IDatasetStore Store { get; }

    /// <summary>The dataset and norms every result is computed on now (replaced by <see cref="Refresh"/> when the data changed).</summary>
    public DatasetContext Context => _current.Context;

    /// <summary>Full path of a GeoPackage dataset, or a database location without its password.</summary>
    public string Path { get; }

    /// <summary>The dataset's name (a GeoPackage's file name; a PostGIS dataset's name).</summary>
    public string FileName => Store.Name;

    /// <summary>The norms results are computed with.</summary>
    public NormsSet Norms => _norms;

    /// <summary>The dataset's content hash (what results are stamped with).</summary>
    public string Sha256 => Context.ContentHash;

    /// <summary>The city model (without parcels).</summary>
    public CityModel City => Context.City;

    /// <summary>Version of the tool ("0.1.0+commit"), as the CLI's result stamps carry it.</summary>
    public static string ToolVersion => Application.ToolVersion.Value;

    /// <summary>How many times the data was found changed since start.</summary>
    public int Reloads { get; private set; }

    /// <summary>Whether the dataset has a layer by this name.</summary>
    public bool HasLayer(string name) => Context.HasLayer(name);

    /// <summary>A layer as stored (EPSG:4326), or null when the dataset has none by that name.</summary>
    public FeatureLayer? Layer(string name) => Context.Layer(name);

    /// <summary>
    /// Starts a new context when the store's change token moved. PERF: one token read per data request (a file's
    /// size and time; for PostGIS one single-row SELECT, about 0.1–0.3 ms on loopback), never a rehash: the new
    /// context hashes and loads lazily, once, on first use.
    /// </summary>
    public void Refresh()
    {
        var token = Store.ChangeToken();
        if (token == _current.Token)
        {
            return;
        }

        lock (_gate)
        {
            if (token != _current.Token)
            {
                _current = new Snapshot(token, new DatasetContext(Store, _norms, holdParcels: true));
                Reloads++;
            }
        }
    }

    /// <summary>Refreshes before a request that reads the data (API, OGC, tiles), not before static files.</summary>
    public void RefreshFor(PathString path)
    {
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/ogc") || path.StartsWithSegments("/tiles"))
        {
            Refresh();
        }
    }

    /// <summary>How many answers are kept: each distinct set of options (years, grids, top N…) is one.</summary>
    public const int MaxAnswers = 64;

    /// <summary>
    /// The answer for <paramref name="key"/>, computed once by <paramref name="compute"/> while it stays among the
    /// last <see cref="MaxAnswers"/> computed on the current data; a computation that fails is not kept, so the next
    /// request tries again. Answers belong to the context they were computed on, so one still running when the data
    /// changes is never served for the new data.
    /// </summary>
    public byte[] Answer(string key, Func<byte[]> compute)
    {
        var s = _current;
        var answer = s.Answers.GetOrAdd(key, k =>
        {
            s.Order.Enqueue(k);
            return new Lazy<byte[]>(compute);
        });
        try
        {
            var bytes = answer.Value;
            // Oldest first; a key queued twice (a race, or computed again after eviction) only costs a recomputation.
            while (s.Answers.Count > MaxAnswers && s.Order.TryDequeue(out var oldest))
            {
                s.Answers.TryRemove(oldest, out _);
            }

            return bytes;
        }
        catch
        {
            s.Answers.TryRemove(new KeyValuePair<string, Lazy<byte[]>>(key, answer));
            throw;
        }
    }

    /// <summary>How many answers are held now.</summary>
    public int AnswersHeld => _current.Answers.Count;

    private sealed record Snapshot(string Token, DatasetContext Context)
    {
        public ConcurrentDictionary<string, Lazy<byte[]>> Answers { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Order { get; } = new();
    }
}
