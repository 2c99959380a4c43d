using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Screening;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Storage.Sqlite.Datasets;

/// <summary>
/// A dataset as one GeoPackage file, behind the <see cref="IDatasetStore"/> port: an adapter over
/// <see cref="GeoPackageDataset"/> and <see cref="DatasetLoader"/>, which keep the file format's details.
/// </summary>
public sealed class GeoPackageStore : IDatasetStore
{
    // The file's token before and after this store last wrote the content hash into it.
    private volatile Tuple<string, string>? _ownWrite;

    /// <summary>The dataset at <paramref name="path"/> (made absolute; it need not exist until it is read or written).</summary>
    public GeoPackageStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Full path of the GeoPackage file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <inheritdoc/>
    public IReadOnlyList<DatasetLayerInfo> Describe() =>
        [.. GeoPackageDataset.Describe(Path).Select(t => new DatasetLayerInfo(t.Table.Name, t.Table.GeometryType, Srid(t.Table), t.Count))];

    /// <inheritdoc/>
    public bool HasLayer(string layer) => GeoPackageDataset.Describe(Path).Exists(t => t.Table.Name == layer);

    /// <inheritdoc/>
    public FeatureLayer? ReadLayer(string layer, IssueList? issues = null) => GeoPackageDataset.ReadLayer(Path, layer, issues);

    /// <inheritdoc/>
    public IEnumerable<ParcelUnit> StreamParcels(CrsDefinition metric, AttributeFilter? filter = null) => DatasetLoader.StreamParcels(Path, metric, filter);

    /// <inheritdoc/>
    public void ReplaceLayers(IReadOnlyList<FeatureLayer> layers, IReadOnlyDictionary<string, string> metadata, bool fresh = false) =>
        GeoPackageDataset.ReplaceLayers(Path, layers, metadata, fresh: fresh);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Metadata() => GeoPackageDataset.Metadata(Path);

    /// <inheritdoc/>
    /// <remarks>Read from the file when it keeps the hash for its current content, otherwise computed and kept there
    /// (GeoPackageHashCache); that write changes the file but not its content, so <see cref="ChangeToken"/> reports the
    /// file as it was before it.</remarks>
    public string ContentHash()
    {
        // The token as callers see it: after an own write before this one (the kept hash, a kept value), the token
        // from before that write, so a chain of own writes maps back to the file as it was.
        var before = ChangeToken();
        var hash = GeoPackageHashCache.ContentHash(Path, out var wrote);
        if (wrote)
        {
            _ownWrite = Tuple.Create(before, FileToken());
        }

        return hash;
    }

    /// <summary>
    /// A value derived from the content, kept in the file (<see cref="GeoPackageKeptValue"/>): read back while nothing
    /// changed, else computed by <paramref name="compute"/> and kept. Keeping it, like keeping the hash, leaves
    /// <see cref="ChangeToken"/> as it was, so the map app does not reload the dataset because it stored a count.
    /// </summary>
    public string KeptValue(string name, string key, Func<string> compute, out bool computed)
    {
        var before = ChangeToken();
        var value = GeoPackageKeptValue.GetOrCompute(Path, name, key, compute, out computed, out var wrote);
        if (wrote)
        {
            _ownWrite = Tuple.Create(before, FileToken());
        }

        return value;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Size and last write time of the file and of its write-ahead log (QGIS and GDAL may keep one): an edit changes at
    /// least one. ReplaceLayers renames a new file over the old one, which changes the time even at the same size.
    /// The file as this store's own <see cref="ContentHash"/> left it (the hash kept, nothing else) has the token it had
    /// before, so the map app does not reload a dataset because it hashed it; any later write changes the token again.
    /// </remarks>
    public string ChangeToken()
    {
        var token = FileToken();
        return _ownWrite is { } own && own.Item2 == token ? own.Item1 : token;
    }

    private string FileToken() => $"{Stat(Path)}|{Stat(Path + "-wal")}";

    private static string Stat(string file)
    {
        var f = new FileInfo(file);
        return f.Exists ? $"{f.Length}:{f.LastWriteTimeUtc.Ticks}" : "-";
    }

    private static int? Srid(GeoPackageTableInfo t) =>
        string.Equals(t.Organization, "EPSG", StringComparison.OrdinalIgnoreCase) ? t.OrganizationCode : null;
}
