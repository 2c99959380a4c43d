namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>How a written feature table's R-tree is filled.</summary>
public enum SpatialIndexFill
{
    /// <summary>
    /// Each feature's envelope is kept as its row is written (no blob is read back) and goes into the R-tree after the
    /// rows, in row order; the triggers come last. Twice as fast as <see cref="ByTriggers"/> on 1,000,000 parcels.
    /// </summary>
    WhileWriting,

    /// <summary>The triggers exist first and fill the R-tree row by row, as an edit in QGIS would (for the benchmark).</summary>
    ByTriggers,

    /// <summary>No index at all (for the benchmark's "without" side only: such files draw slowly in desktop GIS).</summary>
    None,
}
