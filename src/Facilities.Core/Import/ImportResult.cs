using Facilities.Core.Features;
using Facilities.Core.Validation;

namespace Facilities.Core.Import;

/// <summary>The layer as it would be stored (EPSG:4326, schema fields first) and every problem found.</summary>
/// <param name="Layer">The converted layer; incomplete when <see cref="IssueList.HasErrors"/>.</param>
/// <param name="Issues">Errors and warnings.</param>
public sealed record ImportResult(FeatureLayer Layer, IssueList Issues)
{
    /// <summary>Where each source column went and what its values became (the <c>--dry-run</c> mapping table).</summary>
    public IReadOnlyList<ColumnMapping> Columns { get; init; } = [];

    /// <summary>
    /// The errors of each refused row, by the row's source ordinal (<see cref="FeatureRecord.Ordinal"/>): what
    /// <c>--keep-valid</c> leaves out. Errors of the layer as a whole (a missing field, no CRS) are not here.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<ValidationIssue>> RowErrors { get; init; } = new Dictionary<int, IReadOnlyList<ValidationIssue>>();
}
