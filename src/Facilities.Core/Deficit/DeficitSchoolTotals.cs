using Facilities.Core.Model;

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

    /// <summary>Adds up <paramref name="schools"/>: those of a level or ward the run does not compute are skipped.</summary>
    public void Add(IReadOnlyList<SchoolSite> schools, Dictionary<string, int> slotOf, DeficitLevelPlan levels, bool publicOnly)
    {
        var n = levels.Distinct.Length;
        // Schools come in id order, which in practice follows the wards; remembering the last code saves most look-ups.
        string? lastCode = null;
        var lastSlot = -1;
        string? lastLevelText = null;
        var lastLevel = -1;
        for (var i = 0; i < schools.Count; i++)
        {
            var s = schools[i];
            // Level texts are usually shared instances (the reader's and the generator's), so a reference test skips the compare.
            if (!ReferenceEquals(s.Level, lastLevelText))
            {
                lastLevelText = s.Level;
                lastLevel = levels.SlotOf(s.Level);
            }

            var level = lastLevel;
            if (level < 0)
            {
                continue;
            }

            if (!string.Equals(s.WardCode, lastCode, StringComparison.Ordinal))
            {
                lastCode = s.WardCode;
                lastSlot = slotOf.GetValueOrDefault(s.WardCode, -1);
            }

            if (lastSlot < 0)
            {
                continue;
            }

            var at = (lastSlot * n) + level;
            if (s.WardCode.Length > 0)
            {
                InData[at]++;
            }

            if (publicOnly && !s.IsPublic)
            {
                continue;
            }

            Schools[at]++;
            Rooms[at] += s.Classrooms;
            if (s.SubjectRooms is long subject)
            {
                SubjectKnown[at]++;
                SubjectAvailable[at] += subject;
                SubjectDeficit[at] += Math.Max(0, levels.SubjectNormOfSlot[level] - subject);
            }
        }
    }
}
