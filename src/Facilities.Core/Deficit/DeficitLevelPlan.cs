using Facilities.Core.Norms;

namespace Facilities.Core.Deficit;

/// <summary>
/// The levels of an admin deficit run with the norms each reads, looked up once per level rather than once per row.
/// </summary>
/// <remarks>
/// A level listed twice in the options gets two positions (and two rows per ward, as the definition makes) but one
/// slot, so its schools are added up once. <see cref="AgeShare"/> is read only when a ward has no count of its own, so a
/// stamp lists the share only when a result used it.
/// </remarks>
internal sealed class DeficitLevelPlan
{
    private readonly NormsSet _norms;
    private readonly decimal?[] _ageShares;

    private DeficitLevelPlan(IReadOnlyList<string> levels, NormsSet norms, DeficitOptions options)
    {
        _norms = norms;
        var distinct = new List<string>();
        Slot = new int[levels.Count];
        Cap = new int[levels.Count];
        Ratio = new decimal[levels.Count];
        Enrolment = new decimal[levels.Count];
        SubjectNorm = new long[levels.Count];
        ByAge = new bool[levels.Count];
        for (var p = 0; p < levels.Count; p++)
        {
            var level = levels[p];
            var slot = distinct.IndexOf(level);
            if (slot < 0)
            {
                slot = distinct.Count;
                distinct.Add(level);
            }

            Slot[p] = slot;
            // With preschool caps by age the classes come from the caps of the age groups (PreschoolClassesByAge reads
            // them); the single cap is still shown in the row, but the result does not depend on it, so it is not recorded.
            ByAge[p] = level == "mam_non" && options.PreschoolByAge;
            Cap[p] = (int)(ByAge[p] ? norms.Unrecorded : norms)[$"class_cap.{level}"];
            Ratio[p] = norms[(options.TwoSessions ? "room_ratio_two_sessions." : "room_ratio.") + level];
            Enrolment[p] = norms[$"enrolment_rate.{level}"];
            SubjectNorm[p] = (long)norms[$"subject_rooms_required.{level}"];
        }

        Distinct = [.. distinct];
        SubjectNormOfSlot = new long[Distinct.Length];
        for (var p = 0; p < levels.Count; p++)
        {
            SubjectNormOfSlot[Slot[p]] = SubjectNorm[p];
        }

        _ageShares = new decimal?[Distinct.Length];
        // Rows go in the schema's level order; a stable sort keeps repeated levels in the order given.
        Ordered = [.. Enumerable.Range(0, levels.Count).OrderBy(p => IndexInSchema(levels[p]))];
        Levels = levels;
    }

    /// <summary>The levels as given, one per position.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Each distinct level once, indexed by slot.</summary>
    public string[] Distinct { get; }

    /// <summary>Slot of each position.</summary>
    public int[] Slot { get; }

    /// <summary>Positions in the order of the rows within a ward: the schema's level order.</summary>
    public int[] Ordered { get; }

    /// <summary>Class cap of each position.</summary>
    public int[] Cap { get; }

    /// <summary>Rooms per class of each position.</summary>
    public decimal[] Ratio { get; }

    /// <summary>Enrolment rate of each position.</summary>
    public decimal[] Enrolment { get; }

    /// <summary>Subject rooms a school of the position's level must have.</summary>
    public long[] SubjectNorm { get; }

    /// <summary>Subject rooms a school of the slot's level must have.</summary>
    public long[] SubjectNormOfSlot { get; }

    /// <summary>Whether the position's classes come from the preschool caps by age.</summary>
    public bool[] ByAge { get; }

    /// <summary>Reads the norms of <paramref name="levels"/>.</summary>
    public static DeficitLevelPlan Of(IReadOnlyList<string> levels, NormsSet norms, DeficitOptions options) => new(levels, norms, options);

    /// <summary>The slot of a school's level, or −1 when the run does not compute it.</summary>
    public int SlotOf(string level)
    {
        for (var l = 0; l < Distinct.Length; l++)
        {
            if (string.Equals(Distinct[l], level, StringComparison.Ordinal))
            {
                return l;
            }
        }

        return -1;
    }

    /// <summary>The age share of the slot's level, read (and so recorded) on first use.</summary>
    public decimal AgeShare(int slot) => _ageShares[slot] ??= _norms[$"age_share.{Distinct[slot]}"];

    private static int IndexInSchema(string level)
    {
        for (var i = 0; i < Schema.DatasetSchema.Levels.Count; i++)
        {
            if (Schema.DatasetSchema.Levels[i] == level)
            {
                return i;
            }
        }

        return -1;
    }
}
