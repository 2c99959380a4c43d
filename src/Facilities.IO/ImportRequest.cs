using Facilities.Core.Import;
using Facilities.Core.Spatial;

namespace Facilities.IO;

/// <summary>An import of one file into one dataset layer.</summary>
/// <param name="SourcePath">GeoJSON, Shapefile (.shp), CSV or GeoPackage file.</param>
/// <param name="Layer">Dataset layer name (wards, schools, urban_areas, industrial_zones, parcels).</param>
/// <param name="DatasetPath">Target dataset (.gpkg); null to check only.</param>
public sealed record ImportRequest(string SourcePath, string Layer, string? DatasetPath)
{
    /// <summary>CRS that overrides the file's own (<c>--crs</c>).</summary>
    public CrsDefinition? CrsOverride { get; init; }

    /// <summary>User mapping file layered over the built-in one (<c>--mapping</c>).</summary>
    public string? MappingPath { get; init; }

    /// <summary>Add the features to the layer instead of replacing it (<c>--append</c>): e.g. parcels of former Hải Dương (EPSG:9209) after Hải Phòng's (EPSG:9210).</summary>
    public bool Append { get; init; }

    /// <summary>Table of a multi-table GeoPackage source (<c>--source-layer</c>).</summary>
    public string? SourceTable { get; init; }

    /// <summary>Features processed so far.</summary>
    public IProgress<WorkProgress>? Progress { get; init; }
}
