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
    /// <param name="perYear">One deficit per year.</param>
    /// <param name="growthFactor">Scenario factor on the pupils from new urban areas and industrial zones (1: as planned).</param>
    public static IReadOnlyList<NeedCell> From(IEnumerable<DeficitResult> perYear, double growthFactor = 1) =>
        [.. perYear.SelectMany(r => r.Rows).Select(r => Cell(r, growthFactor))];

    /// <summary>The cell of one deficit row, its growth pupils scaled by <paramref name="growthFactor"/>.</summary>
    public static NeedCell Cell(DeficitRow r, double growthFactor = 1)
    {
        var perRoom = (double)(r.ClassCap / r.RoomRatio);
        // With the growth as planned the deficit's own rounded pupils are used, so the cell agrees with `facilities deficit`.
        var pupils = growthFactor == 1 ? r.Pupils : (double)r.ResidentPupils + (growthFactor * (double)(r.UrbanAreaPupils + r.IndustrialZonePupils));
        return new NeedCell(r.WardCode, r.Level, r.Year, Math.Max(0, pupils - (r.RoomsAvailable * perRoom)), perRoom);
    }
}
