using Facilities.Core.Deficit;
using Facilities.Core.Provenance;

namespace Facilities.IO.Results;

/// <summary>
/// Writes deficit rows as CSV (one row per ward and level, then a stamp_id column) and the full stamp beside it
/// as <c>&lt;file&gt;.stamp.json</c>.
/// </summary>
public static class DeficitCsvWriter
{
    /// <summary>Writes the CSV and its stamp file.</summary>
    public static void Write(DeficitResult result, ResultStamp stamp, string path)
    {
        ResultCsvWriter.Write(result.Rows, DeficitColumns.All, stamp.Id, path);
        ResultCsvWriter.WriteStamp(stamp, path + ".stamp.json");
    }
}
