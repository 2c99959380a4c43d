namespace Facilities.Core.Deficit;

/// <summary>
/// The schools of every (ward, level) added up in one pass, in flat arrays indexed by ward slot × levels + level slot.
/// </summary>
/// <remarks>
/// POLICY: a school whose subject rooms are unknown stays unknown; it is counted, not guessed as zero.
/// <see cref="InData"/> counts every school of the level whatever its ownership (<see cref="SchoolDataCoverage"/>),
/// the other totals only those the run counts (public only, when asked).
/// </remarks>
internal sealed class DeficitSchoolTotals(int size)
{
    /// <summary>Schools counted.</summary>
    public int[] Schools { get; } = new int[size];

    /// <summary>Their classrooms.</summary>
    public long[] Rooms { get; } = new long[size];

    /// <summary>Schools counted whose subject rooms are known.</summary>
    public int[] SubjectKnown { get; } = new int[size];

    /// <summary>Subject rooms of the schools that report them.</summary>
    public long[] SubjectAvailable { get; } = new long[size];

    /// <summary>Σ max(0, norm − subject rooms) over the schools that report them.</summary>
    public long[] SubjectDeficit { get; } = new long[size];

    /// <summary>Schools of the level in the data, any ownership, in a ward (a school with no ward is left out).</summary>
    public int[] InData { get; } = new int[size];

    /// <summary>Adds up the schools of <paramref name="columns"/>: those of a level or ward the run does not compute are skipped.</summary>
    public void Add(DeficitSchoolColumns columns, DeficitLevelPlan levels, bool publicOnly)
    {
        var n = levels.Distinct.Length;
        // The run's slot of each of the city's level texts (−1 for a level the run does not compute).
        var slotOfLevel = columns.Levels.Select(levels.SlotOf).ToArray();
        for (var i = 0; i < columns.School.Length; i++)
        {
            var level = slotOfLevel[columns.Level[i]];
            var ward = columns.School[i];
            if (level < 0 || ward < 0)
            {
                continue;
            }

            var at = (ward * n) + level;
            if (columns.HasWardCode[i])
            {
                InData[at]++;
            }

            if (publicOnly && !columns.IsPublic[i])
            {
                continue;
            }

            Schools[at]++;
            Rooms[at] += columns.Classrooms[i];
            if (columns.SubjectRooms[i] is long subject)
            {
                SubjectKnown[at]++;
                SubjectAvailable[at] += subject;
                SubjectDeficit[at] += Math.Max(0, levels.SubjectNormOfSlot[level] - subject);
            }
        }
    }
}
