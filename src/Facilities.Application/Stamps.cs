using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;

namespace Facilities.Application;

/// <summary>Builds a computation's stamp from what it read: the one place a stamp is made.</summary>
internal static class Stamps
{
    /// <summary>
    /// The stamp and warnings of a result: the dataset's name and content hash, the norms' version and hash, the
    /// options, the unconfirmed norms in <paramref name="read"/>, the city's warnings then <paramref name="own"/>.
    /// </summary>
    public static Computed<T> Of<T>(DatasetContext d, T result, string computation, string options, NormsReadLog read, IEnumerable<LocalizedText> own) =>
        Of(d, result, computation, options, read.Unconfirmed(d.Norms), own);

    /// <summary>The stamp and warnings of a result whose computation names the unconfirmed norms it depends on itself.</summary>
    public static Computed<T> Of<T>(DatasetContext d, T result, string computation, string options, IReadOnlyList<string> unconfirmed, IEnumerable<LocalizedText> own)
    {
        IReadOnlyList<LocalizedText> warnings = [.. CityWarnings.For(d.City), .. own];
        var stamp = new ResultStamp(ToolVersion.Tool, computation, d.Store.Name, d.ContentHash, d.Norms.Version, d.Norms.Sha256, options,
            [.. unconfirmed.Distinct().Order(StringComparer.Ordinal)])
        {
            Warnings = [.. warnings.Select(w => w.En)],
        };
        return new Computed<T>(result, stamp, warnings);
    }
}
