using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>A feature table as gpkg_contents and gpkg_geometry_columns describe it.</summary>
/// <param name="Name">Table name.</param>
/// <param name="GeometryColumn">Geometry column name.</param>
/// <param name="GeometryType">Declared geometry type (POINT, MULTIPOLYGON, GEOMETRY …).</param>
/// <param name="SrsId">srs_id of the table.</param>
/// <param name="Organization">SRS organisation, usually EPSG.</param>
/// <param name="OrganizationCode">SRS code within the organisation.</param>
/// <param name="Definition">WKT definition of the SRS.</param>
/// <param name="Extent">Extent stored in gpkg_contents, in the table's CRS, when present.</param>
public sealed record GeoPackageTableInfo(
    string Name, string GeometryColumn, string GeometryType, int SrsId, string? Organization, int? OrganizationCode,
    string? Definition, Envelope? Extent);
