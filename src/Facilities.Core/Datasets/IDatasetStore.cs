using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;

namespace Facilities.Core.Datasets;

/// <summary>
/// Where a dataset's five layers live (docs/architecture.md): the port every computation reads its inputs through,
/// so a computation does not know whether the dataset is a GeoPackage file or a database. The GeoPackage file
/// (Facilities.Storage.Sqlite.Datasets.GeoPackageStore) is the first implementation.
/// </summary>
public interface IDatasetStore
{
    /// <summary>The dataset's name as result stamps carry it (for a file: its file name).</summary>
    string Name { get; }

    /// <summary>The layers the dataset holds, with their feature counts.</summary>
    IReadOnlyList<DatasetLayerInfo> Describe();

    /// <summary>Whether the dataset has a layer by this name.</summary>
    bool HasLayer(string layer);

    /// <summary>One layer as stored (EPSG:4326), or null when the dataset has none by that name.</summary>
    FeatureLayer? ReadLayer(string layer, IssueList? issues = null);

    /// <summary>
    /// The parcels layer, row by row in layer order, in <paramref name="metric"/>, geometry decoded on first use;
    /// rows <paramref name="filter"/> rejects on their attributes alone are left out without reading their geometry.
    /// </summary>
    IEnumerable<ParcelUnit> StreamParcels(CrsDefinition metric, AttributeFilter? filter = null);

    /// <summary>
    /// Replaces the named layers and sets the metadata entries, all or nothing (a failure leaves the dataset as it
    /// was); with <paramref name="fresh"/> the dataset starts empty so the result does not depend on what was there.
    /// </summary>
    void ReplaceLayers(IReadOnlyList<FeatureLayer> layers, IReadOnlyDictionary<string, string> metadata, bool fresh = false);

    /// <summary>The dataset's metadata entries (empty when the store holds none).</summary>
    IReadOnlyDictionary<string, string> Metadata();

    /// <summary>
    /// SHA-256 (lower-case hex) of the dataset's content (<see cref="ContentHasher"/>): what result stamps carry, the
    /// same in every store for the same data, and what changes when any layer or metadata entry does.
    /// </summary>
    string ContentHash();

    /// <summary>
    /// A cheap token that changes whenever the content may have changed (a file's size and time, a database's change
    /// counter): what a long-lived server checks per request instead of rehashing the dataset.
    /// </summary>
    string ChangeToken();
}
