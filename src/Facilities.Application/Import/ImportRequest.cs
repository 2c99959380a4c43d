using Facilities.Core.Import;
using Facilities.Core.Spatial;
using Facilities.Formats.Readers;

namespace Facilities.Application.Import;

/// <summary>An import of one file into one dataset layer.</summary>
/// <param name="SourcePath">GeoJSON, Shapefile (.shp), CSV, Excel (.xlsx) or GeoPackage file.</param>
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

    /// <summary>Overrides of what the readers detect: sheet, header row, encoding, decimal separator.</summary>
    public SourceReadOptions Read { get; init; } = SourceReadOptions.Detect;

    /// <summary>
    /// How to build the id from several source fields (<c>--id "{SoTo}-{SoThua}"</c>): cadastral parcel numbers
    /// restart on every map sheet, so the number alone is not unique.
    /// </summary>
    public string? IdTemplate { get; init; }

    /// <summary>
    /// Import the valid rows and leave out the refused ones (<c>--keep-valid</c>); the default is all or nothing.
    /// </summary>
    public bool KeepValid { get; init; }

    /// <summary>Where the refused rows go, with the reasons, when <see cref="KeepValid"/> is set (.xlsx or .csv).</summary>
    public string? RejectsPath { get; init; }

    /// <summary>
    /// The target dataset's store, when it is not the GeoPackage at <c>DatasetPath</c> (a PostGIS dataset): the wards
    /// are read from it, the layer is appended to or replaced in it.
    /// </summary>
    public Facilities.Core.Datasets.IDatasetStore? Target { get; init; }

    /// <summary>
    /// The dataset's title for report maps and the web app (<c>--title</c>), stored as the <c>title</c> metadata entry;
    /// null keeps the title it has.
    /// </summary>
    public string? Title { get; init; }

    /// <summary>Features processed so far.</summary>
    public IProgress<WorkProgress>? Progress { get; init; }
}
