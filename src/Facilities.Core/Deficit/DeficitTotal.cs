namespace Facilities.Core.Deficit;

/// <summary>Sum of deficit rows for one level (or "all").</summary>
/// <param name="Level">Level code, or "all".</param>
/// <param name="Pupils">Pupils.</param>
/// <param name="ClassesNeeded">Classes needed.</param>
/// <param name="RoomsNeeded">Rooms needed.</param>
/// <param name="RoomsAvailable">Rooms available.</param>
/// <param name="NetDeficit">Σ (needed − available): surpluses offset shortages.</param>
/// <param name="Shortage">Σ max(0, needed − available): rooms to build, since a surplus in one ward does not seat pupils of another.</param>
/// <param name="WardsShort">Wards short of rooms at some level (each ward counted once).</param>
/// <param name="SubjectRoomsDeficit">Σ subject-room shortfalls of the schools with known figures.</param>
/// <param name="SubjectRoomsUnknown">Schools whose subject rooms are unknown (not in the shortfall).</param>
/// <param name="WardsWithoutSchoolData">Wards with no school of the level in the data (each ward counted once).</param>
/// <param name="ShortageWithoutSchoolData">The part of <paramref name="Shortage"/> in rows without school data (may be missing data).</param>
public sealed record DeficitTotal(
    string Level, long Pupils, long ClassesNeeded, long RoomsNeeded, long RoomsAvailable, long NetDeficit, long Shortage, int WardsShort,
    long SubjectRoomsDeficit, long SubjectRoomsUnknown, int WardsWithoutSchoolData = 0, long ShortageWithoutSchoolData = 0)
{
    /// <summary>Adds up rows.</summary>
    public static DeficitTotal Of(string level, IEnumerable<DeficitRow> rows)
    {
        var list = rows.ToList();
        return new DeficitTotal(level, list.Sum(r => r.Pupils), list.Sum(r => r.ClassesNeeded), list.Sum(r => r.RoomsNeeded),
            list.Sum(r => r.RoomsAvailable), list.Sum(r => r.DeficitRooms), list.Sum(r => Math.Max(0, r.DeficitRooms)),
            list.Where(r => r.DeficitRooms > 0).Select(r => r.WardCode).Distinct().Count(), list.Sum(r => r.SubjectRoomsDeficit),
            list.Sum(r => (long)r.SubjectRoomsUnknown), list.Where(r => r.SchoolsInData == 0).Select(r => r.WardCode).Distinct().Count(),
            list.Where(r => r.SchoolsInData == 0).Sum(r => Math.Max(0, r.DeficitRooms)));
    }
}
