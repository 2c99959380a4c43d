namespace Facilities.Core.Import;

/// <summary>What became of a source column on import.</summary>
public enum ColumnRole
{
    /// <summary>Mapped onto a schema field (by its name, an alias, or a cut .dbf name).</summary>
    Field,

    /// <summary>Not a schema field: kept under its normalised name, never dropped.</summary>
    Extra,

    /// <summary>The id, built from several columns by a template (<c>--id "{SoTo}-{SoThua}"</c>).</summary>
    IdTemplate,

    /// <summary>Read as the geometry: a WKT column or one coordinate of a pair (lon/lat, VN-2000 X/Y).</summary>
    Geometry,
}
