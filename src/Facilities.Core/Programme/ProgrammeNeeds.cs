using Facilities.Core.Deficit;

namespace Facilities.Core.Programme;

/// <summary>The need before the programme, from one admin deficit per year of the horizon.</summary>
public static class ProgrammeNeeds
{
    /// <summary>
    /// One cell per ward, level and year: pupils without a place = max(0, pupils − classrooms × pupils per classroom),
    /// where a classroom seats class cap ÷ rooms per class pupils (e.g. 45 ÷ 0.6 = 75 at THCS in one session a day).
    /// Wards whose school data is missing are included as computed (their shortage may be missing data; the
    /// deficit's warning says so).
    /// </summary>
    public static IReadOnlyList<NeedCell> From(IEnumerable<DeficitResult> perYear) =>
        [.. perYear.SelectMany(r => r.Rows).Select(Cell)];

    /// <summary>The cell of one deficit row.</summary>
    public static NeedCell Cell(DeficitRow r)
    {
        var perRoom = (double)(r.ClassCap / r.RoomRatio);
        return new NeedCell(r.WardCode, r.Level, r.Year, Math.Max(0, r.Pupils - (r.RoomsAvailable * perRoom)), perRoom);
    }
}
