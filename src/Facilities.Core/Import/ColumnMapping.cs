namespace Facilities.Core.Import;

/// <summary>
/// One row of the import's mapping report (<c>facilities import --dry-run</c>): where a source column went and
/// what its values became.
/// </summary>
/// <param name="Source">Column name as the file spells it (for <see cref="ColumnRole.IdTemplate"/>, the template).</param>
/// <param name="Target">Output field: the schema field, or the extra column's name.</param>
/// <param name="Role">Mapped, kept as extra, or the id built from a template.</param>
/// <param name="Closest">For an extra column, the schema field with the most similar name or alias; else null.</param>
/// <param name="Samples">Up to three distinct converted values, as text, in file order.</param>
/// <param name="Empty">Rows with no value.</param>
/// <param name="Invalid">Rows whose value could not be converted (each also reported as an error).</param>
public sealed record ColumnMapping(
    string Source, string Target, ColumnRole Role, string? Closest, IReadOnlyList<string> Samples, int Empty, int Invalid)
{
    /// <summary>The target in Vietnamese when it is a description rather than a field name (geometry columns).</summary>
    public string? TargetVi { get; init; }

    /// <summary>The rows of the mapping report for the columns a table reader turned into the geometry.</summary>
    public static IEnumerable<ColumnMapping> ForGeometry(IEnumerable<Features.GeometrySource> sources) =>
        sources.Select(g => new ColumnMapping(g.Column, g.RoleEn, ColumnRole.Geometry, null, [], 0, 0) { TargetVi = g.RoleVi });
}
