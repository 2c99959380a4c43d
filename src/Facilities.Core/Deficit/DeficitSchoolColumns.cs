using System.Runtime.CompilerServices;
using Facilities.Core.Model;

namespace Facilities.Core.Deficit;

/// <summary>
/// The fields of a city's schools the admin deficit adds up, in flat arrays (ward slot, level, ownership, rooms), made
/// once per <see cref="CityModel"/> and kept with it.
/// </summary>
/// <remarks>
/// PERF: a school read from a GeoPackage is an object with its own strings scattered over the heap among the rows'
/// other allocations, so a pass over 105,281 of them is three cache misses a school (about 30 ms at national scale);
/// over these arrays it is a sequential scan. A city model is never changed once built (its lists are read-only and
/// its records immutable), so the columns stay true for its lifetime; the first deficit on a city pays for them, the
/// next ones (the map server, a programme's years, the catchment's admin pupils) do not.
/// </remarks>
internal sealed class DeficitSchoolColumns
{
    private static readonly ConditionalWeakTable<CityModel, DeficitSchoolColumns> Kept = new();

    private DeficitSchoolColumns(CityModel city)
    {
        var wards = city.Wards;
        SlotOf = new Dictionary<string, int>(wards.Count, StringComparer.Ordinal);
        WardSlot = new int[wards.Count];
        for (var i = 0; i < wards.Count; i++)
        {
            if (!SlotOf.TryGetValue(wards[i].Code, out var slot))
            {
                slot = SlotOf.Count;
                SlotOf.Add(wards[i].Code, slot);
            }

            WardSlot[i] = slot;
        }

        var schools = city.Schools;
        School = new int[schools.Count];
        Level = new int[schools.Count];
        HasWardCode = new bool[schools.Count];
        IsPublic = new bool[schools.Count];
        Classrooms = new long[schools.Count];
        SubjectRooms = new long?[schools.Count];
        var levels = new List<string>();
        string? lastCode = null;
        var lastSlot = -1;
        for (var i = 0; i < schools.Count; i++)
        {
            var s = schools[i];
            if (!string.Equals(s.WardCode, lastCode, StringComparison.Ordinal))
            {
                lastCode = s.WardCode;
                lastSlot = SlotOf.GetValueOrDefault(s.WardCode, -1);
            }

            var level = levels.IndexOf(s.Level);
            if (level < 0)
            {
                level = levels.Count;
                levels.Add(s.Level);
            }

            School[i] = lastSlot;
            Level[i] = level;
            HasWardCode[i] = s.WardCode.Length > 0;
            IsPublic[i] = s.IsPublic;
            Classrooms[i] = s.Classrooms;
            SubjectRooms[i] = s.SubjectRooms;
        }

        Levels = [.. levels];
    }

    /// <summary>Slot of each distinct ward code, in the wards' order.</summary>
    public Dictionary<string, int> SlotOf { get; }

    /// <summary>Slot of each ward.</summary>
    public int[] WardSlot { get; }

    /// <summary>Each school's ward slot, −1 when its code is no ward of the city.</summary>
    public int[] School { get; }

    /// <summary>Each school's level, an index in <see cref="Levels"/>.</summary>
    public int[] Level { get; }

    /// <summary>The distinct level texts of the schools.</summary>
    public string[] Levels { get; }

    /// <summary>Whether the school states a ward (the data coverage leaves out schools in no ward).</summary>
    public bool[] HasWardCode { get; }

    /// <summary>Public (công lập).</summary>
    public bool[] IsPublic { get; }

    /// <summary>Usable general classrooms.</summary>
    public long[] Classrooms { get; }

    /// <summary>Subject rooms, when known.</summary>
    public long?[] SubjectRooms { get; }

    /// <summary>The columns of <paramref name="city"/>, made on first use.</summary>
    public static DeficitSchoolColumns Of(CityModel city) => Kept.GetValue(city, c => new DeficitSchoolColumns(c));
}
