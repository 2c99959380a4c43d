namespace Facilities.IO.Store;

/// <summary>How a written feature table's R-tree is filled.</summary>
public enum SpatialIndexFill
{
    /// <summary>Each feature's box goes into the R-tree as its row is written, from the envelope already at hand; the triggers come after.</summary>
    WhileWriting,

    /// <summary>The triggers exist first and fill the R-tree row by row, as an edit in QGIS would (for the benchmark).</summary>
    ByTriggers,

    /// <summary>No index at all (for the benchmark's "without" side only: such files draw slowly in desktop GIS).</summary>
    None,
}
