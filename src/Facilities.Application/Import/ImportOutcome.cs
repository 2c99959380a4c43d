using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;

namespace Facilities.Application.Import;

/// <summary>What an import did.</summary>
/// <param name="Layer">The converted layer (EPSG:4326).</param>
/// <param name="Issues">Errors and warnings.</param>
/// <param name="Written">Whether the dataset was changed.</param>
/// <param name="SourceCrs">The CRS the source was read in, when known.</param>
public sealed record ImportOutcome(FeatureLayer Layer, IssueList Issues, bool Written, CrsDefinition? SourceCrs)
{
    /// <summary>
    /// Where each source column went (schema field, kept as extra with the closest field, or the id template),
    /// with sample converted values and counts of empty and invalid values: what <c>import --dry-run</c> prints.
    /// </summary>
    public IReadOnlyList<ColumnMapping> Columns { get; init; } = [];

    /// <summary>Rows left out by <c>--keep-valid</c> (and written to the rejects file when the import was written).</summary>
    public int Rejected { get; init; }
}
