using System.Collections.Concurrent;
using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Storage.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Application;

/// <summary>
/// A dataset with the norms its results are computed with: what every computation runs on. The city model, the
/// content hash and the layers are read through the store once, on first use (the web server keeps one context
/// for its lifetime; a CLI command makes one per run). Thread-safe.
/// </summary>
public sealed class DatasetContext
{
    private readonly Lazy<string> _hash;
    private readonly Lazy<CityModel> _city;
    private readonly Lazy<HashSet<string>> _layerNames;
    private readonly bool _holdParcels;
    private readonly object _parcelsGate = new();
    private volatile ParcelTable? _parcels;
    private readonly ConcurrentDictionary<string, Lazy<FeatureLayer?>> _layers = new(StringComparer.Ordinal);

    /// <summary>Computes on the dataset in <paramref name="store"/> with <paramref name="norms"/>.</summary>
    public DatasetContext(IDatasetStore store, NormsSet norms)
        : this(store, norms, holdParcels: false)
    {
    }

    /// <summary>
    /// Computes on the dataset in <paramref name="store"/> with <paramref name="norms"/>; with
    /// <paramref name="holdParcels"/> (a long-lived host: the map app's server) the parcels are read into a
    /// <see cref="ParcelTable"/> on the first computation that screens them and held with the context, instead of
    /// being streamed from the store by every one (a one-shot command streams: it screens once).
    /// </summary>
    public DatasetContext(IDatasetStore store, NormsSet norms, bool holdParcels)
    {
        Store = store;
        Norms = norms;
        _hash = new Lazy<string>(store.ContentHash);
        // The city is shared by every computation, so it is loaded with norms that record nothing: a result that
        // depends on a norm the loader used records it where it uses the value (AdminDeficitCalculator.GrowthPupils).
        _city = new Lazy<CityModel>(() => DatasetLoader.LoadCity(store, norms.Unrecorded));
        _layerNames = new Lazy<HashSet<string>>(() => [.. store.Describe().Select(l => l.Name)]);
        _holdParcels = holdParcels;
    }

    /// <summary>Where the dataset lives.</summary>
    public IDatasetStore Store { get; }

    /// <summary>The norms results are computed with.</summary>
    public NormsSet Norms { get; }

    /// <summary>The dataset's content hash (what results are stamped with).</summary>
    public string ContentHash => _hash.Value;

    /// <summary>The city model (without parcels).</summary>
    public CityModel City => _city.Value;

    /// <summary>Whether this context holds the parcels in a table (<see cref="Parcels"/>) rather than streaming them.</summary>
    public bool HoldsParcels => _holdParcels;

    /// <summary>
    /// The parcels held in a table, read from the store on first use; only when <see cref="HoldsParcels"/>.
    /// </summary>
    public ParcelTable Parcels
    {
        get
        {
            if (!_holdParcels)
            {
                throw new InvalidOperationException("this context streams its parcels; it does not hold them");
            }

            if (_parcels is { } held)
            {
                return held;
            }

            // Built on first use, not with the context: a server's start reads no parcel (issue 15: < 300 MB before the
            // first request). Once, under a lock (two first requests do not both read a million rows); a failed build
            // is not kept, so the next request tries again.
            lock (_parcelsGate)
            {
                return _parcels ??= ParcelTable.Build(Store.StreamParcels(City.MetricCrs));
            }
        }
    }

    /// <summary>Whether the table of parcels has been read (a host's memory report).</summary>
    public bool ParcelsLoaded => _parcels is not null;

    /// <summary>Whether the dataset has a layer by this name.</summary>
    public bool HasLayer(string name) => _layerNames.Value.Contains(name);

    /// <summary>A layer as stored (EPSG:4326), read once, or null when the dataset has none by that name.</summary>
    public FeatureLayer? Layer(string name) => _layers.GetOrAdd(name, n => new Lazy<FeatureLayer?>(() => Store.ReadLayer(n))).Value;

    /// <summary>The wards layer's geometry (EPSG:4326) by ward code, for results drawn per ward.</summary>
    public IReadOnlyDictionary<string, Geometry?> WardGeometry() =>
        (Layer("wards") ?? throw new InvalidOperationException("the city was loaded, so the wards layer exists")).Features
            .GroupBy(f => Text(f["code"])).ToDictionary(g => g.Key, g => (Geometry?)g.First().Geometry, StringComparer.Ordinal);

    /// <summary>The schools layer's geometry (EPSG:4326) by school id and level, for results drawn per school.</summary>
    public IReadOnlyDictionary<(string Id, string Level), Geometry?> SchoolGeometry() =>
        (Layer("schools")?.Features ?? []).GroupBy(f => (Text(f["id"]), Text(f["level"]))).ToDictionary(g => g.Key, g => (Geometry?)g.First().Geometry);

    private static string Text(object? v) => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
