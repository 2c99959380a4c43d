using Facilities.Core.Features;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Reports.Results;

/// <summary>
/// A result GeoPackage with default QGIS styles: layers and layer_styles go into a temporary file that replaces the
/// target only when both are written, so a reader never sees a result without its styles, nor a half-written file.
/// </summary>
public static class StyledGeoPackage
{
    /// <summary>Writes <paramref name="layers"/> (with the stamp in <paramref name="metadata"/>) and <paramref name="styles"/> to <paramref name="path"/>.</summary>
    public static void Write(
        string path, IReadOnlyList<FeatureLayer> layers, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<LayerStyleEntry> styles,
        IReadOnlyDictionary<string, string?>? geometryTypes = null)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.styled.tmp");
        try
        {
            GeoPackageDataset.ReplaceLayers(temp, layers, metadata, fresh: true, geometryTypes: geometryTypes);
            GeoPackageLayerStyles.Write(temp, styles, GeoPackageDataset.DefaultLastChange);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The numbers of a result column (integers and reals; anything else is "no value").</summary>
    public static IEnumerable<double?> Values(IEnumerable<FeatureRecord> features, string field) => features.Select(f => f[field] switch
    {
        double d => d,
        long l => l,
        int i => i,
        _ => (double?)null,
    });
}
