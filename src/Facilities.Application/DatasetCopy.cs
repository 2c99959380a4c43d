using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Storage.PostGis.Datasets;

namespace Facilities.Application;

/// <summary>
/// <c>facilities copy SRC DST</c>: a dataset from one store into another (GeoPackage ↔ PostGIS), every feature
/// layer and every metadata entry, replacing what the target held; then the target's content hash is checked
/// against the source's, so a copy that lost anything fails instead of passing silently.
/// </summary>
public static class DatasetCopy
{
    /// <summary>Copies; returns the layers copied (name, features) and the content hash both stores now share.</summary>
    public static (IReadOnlyList<(string Layer, int Features)> Layers, string Hash) Run(IDatasetStore from, IDatasetStore to)
    {
        var layers = new List<FeatureLayer>();
        foreach (var d in from.Describe())
        {
            layers.Add(from.ReadLayer(d.Name) ?? throw new InvalidOperationException($"layer {d.Name} was described but cannot be read"));
        }

        var metadata = from.Metadata();
        var hash = from.ContentHash();
        to.ReplaceLayers(layers, metadata, fresh: true);
        if (to is PostGisDatasetStore pg)
        {
            // The copy keeps the dataset's name, so results from either copy carry the same stamp.
            pg.Rename(from.Name);
        }

        var copied = to.ContentHash();
        if (copied != hash)
        {
            throw new InvalidOperationException($"the copy's content hash {copied} differs from the source's {hash}");
        }

        return ([.. layers.Select(l => (l.Name, l.Features.Count))], hash);
    }
}
