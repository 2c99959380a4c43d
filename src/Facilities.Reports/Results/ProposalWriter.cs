using Facilities.Core.Results;
using Facilities.Storage.Sqlite.GeoPackage;
using NetTopologySuite.Geometries;

namespace Facilities.Reports.Results;

/// <summary>
/// Writes a proposal GeoPackage (EPSG:4326): proposed_sites (multipolygons), catchments (the demand points with the
/// site each is assigned to), project_needs and solver_runs tables; the stamp in facilities_metadata and a
/// stamp_id on every row. Atomic: nothing is left half-written.
/// </summary>
public static class ProposalWriter
{
    /// <summary>
    /// Writes the four tables; <paramref name="urbanAreaId"/> and <paramref name="reservedM2"/> (the project's reserved
    /// school land, null: unknown) go into facilities_metadata beside the stamp.
    /// </summary>
    public static void WriteGeoPackage(ResultTable sites, ResultTable catchments, ResultTable needs, ResultTable runs, string urbanAreaId, decimal? reservedM2, string path)
    {
        var metadata = ResultLayers.Metadata(sites.Stamp);
        metadata["result.urban_area_id"] = urbanAreaId;
        metadata["result.reserved_school_land_m2"] = reservedM2?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
        var types = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [sites.Name] = sites.Rows.All(s => s.Geometry is Polygon or MultiPolygon) ? "MULTIPOLYGON" : "GEOMETRY",
            [catchments.Name] = "POINT",
            [needs.Name] = null,
            [runs.Name] = null,
        };
        GeoPackageDataset.ReplaceLayers(path, [.. new[] { sites, catchments, needs, runs }.Select(ResultLayers.Build)], metadata, fresh: true, geometryTypes: types);
    }
}
