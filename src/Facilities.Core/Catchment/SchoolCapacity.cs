using Facilities.Core.Norms;

namespace Facilities.Core.Catchment;

/// <summary>
/// The seats a school offers: classrooms ÷ room ratio × class cap. The catchment method gives each school these places
/// and the map's school layer shows them, so both read this one formula.
/// </summary>
public static class SchoolCapacity
{
    /// <summary>Seats from classrooms, the rooms-per-class ratio and pupils per class.</summary>
    /// <param name="classrooms">Classrooms the school has.</param>
    /// <param name="roomRatio">Classrooms one class needs (room_ratio or room_ratio_two_sessions).</param>
    /// <param name="classCap">Pupils per class (class_cap).</param>
    public static double Seats(long classrooms, decimal roomRatio, decimal classCap) => (double)(classrooms / roomRatio * classCap);

    /// <summary>
    /// Seats of a school of this level from the norms; null when the classrooms are unknown or the norms hold no class
    /// cap or room ratio for the level (nothing is assumed).
    /// </summary>
    /// <param name="level">Level: mam_non, tieu_hoc, thcs or thpt.</param>
    /// <param name="classrooms">Classrooms, null when unknown.</param>
    /// <param name="norms">Norms.</param>
    /// <param name="twoSessions">Use the two-sessions room ratio (one room per class).</param>
    public static double? Of(string level, long? classrooms, NormsSet norms, bool twoSessions = false)
    {
        var ratio = (twoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level;
        var cap = "class_cap." + level;
        return classrooms is long rooms && norms.Contains(ratio) && norms.Contains(cap) ? Seats(rooms, norms[ratio], norms[cap]) : null;
    }

    /// <summary>Pupils per seat (above 1: over capacity); null when the pupils are unknown or the school has no seats.</summary>
    /// <param name="pupils">Pupils enrolled, null when unknown.</param>
    /// <param name="seats">Seats, null when unknown.</param>
    public static double? LoadRatio(long? pupils, double? seats) => pupils is long p && seats is double s && s > 0 ? p / s : null;
}
