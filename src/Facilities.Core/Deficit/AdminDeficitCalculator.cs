using Facilities.Core.Model;
using Facilities.Core.Norms;

namespace Facilities.Core.Deficit;

/// <summary>
/// The administrative method: the official, exact, per-ward classroom balance (docs/deficit.md).
/// </summary>
/// <remarks>
/// For ward w, level l, year y:
/// P = residents(l, w) × enrolment(l) + Σ growth residents × phase(y) × places per 1,000(l) ÷ 1,000 × area share;
/// C = ceil(P ÷ class cap(l)); R = ceil(C × room ratio(l)); A = classrooms of level-l schools in w; D = R − A.
/// Class caps: Circular 28/2020 and 32/2020; room ratios: Circular 13/2020 (0.6 at THCS/THPT), MOET 4555 (two
/// sessions: 1.0); places per 1,000: QCVN 01:2021/BXD. Every value comes from the <see cref="NormsSet"/>.
/// Arithmetic is decimal so 5 × 0.6 is exactly 3 and ceil never rounds a float error up.
/// </remarks>
public static class AdminDeficitCalculator
{
    /// <summary>Computes one row per ward and level, in ward-code then level order.</summary>
    /// <remarks>
    /// One pass over the schools' fields (<see cref="DeficitSchoolColumns"/>, kept with the city) adds them up for every
    /// level at once into flat arrays indexed by (ward, level), and
    /// the rows are made directly in their final order: no grouping per level, no dictionary per row and no sort of
    /// the rows. At national scale (3,321 wards, 105,281 schools) that is what makes the method fast
    /// (docs/performance.md, "Issue 15: national scale"). The arithmetic, and the order of every decimal sum, are
    /// those of the definition (docs/deficit.md), so the rows are the same to the last digit.
    /// </remarks>
    public static DeficitResult Compute(CityModel city, NormsSet norms, DeficitOptions options)
    {
        var shares = new GrowthShares(city);
        var wards = city.Wards;

        // A slot per distinct ward code (unique in a valid dataset; a repeated code shares its schools, as a look-up by
        // code does), and the schools' fields in flat arrays, both kept with the city.
        var columns = DeficitSchoolColumns.Of(city);
        var (slotOf, wardSlot) = (columns.SlotOf, columns.WardSlot);
        var levels = DeficitLevelPlan.Of(options.Levels, norms, options);
        var n = levels.Distinct.Length;
        var totals = new DeficitSchoolTotals(slotOf.Count * n);
        totals.Add(columns, levels, options.PublicOnly);

        // Growth pupils per (ward, level), added in the growth areas' order as the definition does.
        var urban = new decimal[slotOf.Count * n];
        var industrial = new decimal[slotOf.Count * n];
        for (var l = 0; l < n; l++)
        {
            foreach (var g in city.Growth)
            {
                var pupils = GrowthPupils(norms, g, levels.Distinct[l], options.Year);
                var target = g.Kind switch { "urban_area" => urban, "industrial_zone" => industrial, _ => null };
                foreach (var (ward, share) in shares.Of(g))
                {
                    if (target is not null && slotOf.TryGetValue(ward, out var slot))
                    {
                        target[(slot * n) + l] += pupils * share;
                    }
                }
            }
        }

        // Rows in ward-code order, then the schema's level order, then (for a repeated code) the wards' own order.
        var rows = new DeficitRow[wards.Count * levels.Ordered.Length];
        var k = 0;
        var (firstOfSlot, nextOfWard) = WardsBySlot(wardSlot, slotOf.Count);
        foreach (var slot in SlotsInCodeOrder(slotOf))
        {
            foreach (var p in levels.Ordered)
            {
                for (var i = firstOfSlot[slot]; i >= 0; i = nextOfWard[i])
                {
                    var at = (slot * n) + levels.Slot[p];
                    rows[k++] = Row(wards[i], levels, p, norms, options.Year, totals, at, urban[at], industrial[at]);
                }
            }
        }

        return new DeficitResult(options, norms, rows);
    }

    private static DeficitRow Row(
        WardUnit w, DeficitLevelPlan levels, int p, NormsSet norms, int year, DeficitSchoolTotals totals, int at, decimal urban, decimal industrial)
    {
        var level = levels.Levels[p];
        var fromData = w.SchoolAgeResidents.TryGetValue(level, out var counted);
        var residents = fromData ? counted : w.Population * levels.AgeShare(levels.Slot[p]);
        var resident = residents * levels.Enrolment[p];
        var pupils = (long)Math.Round(resident + urban + industrial, MidpointRounding.AwayFromZero);
        var cap = levels.Cap[p];
        var classes = levels.ByAge[p] ? PreschoolClassesByAge(pupils, norms) : (pupils + cap - 1) / cap;
        var schools = totals.Schools[at];
        return new DeficitRow
        {
            WardCode = w.Code,
            WardName = w.Name,
            UnitType = w.UnitType,
            Level = level,
            Year = year,
            SchoolAgeResidents = residents,
            ResidentsSource = fromData ? "data" : "age_share",
            ResidentPupils = resident,
            UrbanAreaPupils = urban,
            IndustrialZonePupils = industrial,
            Pupils = pupils,
            ClassCap = cap,
            ClassesNeeded = classes,
            RoomRatio = levels.Ratio[p],
            RoomsNeeded = (long)Math.Ceiling(classes * levels.Ratio[p]),
            RoomsAvailable = totals.Rooms[at],
            Schools = schools,
            SubjectRoomsRequired = levels.SubjectNorm[p] * totals.SubjectKnown[at],
            SubjectRoomsAvailable = totals.SubjectAvailable[at],
            SubjectRoomsDeficit = totals.SubjectDeficit[at],
            SubjectRoomsUnknown = schools - totals.SubjectKnown[at],
            SchoolsInData = totals.InData[at],
        };
    }

    /// <summary>For each slot its first ward, and for each ward the next ward with the same code (−1 at the end).</summary>
    private static (int[] First, int[] Next) WardsBySlot(int[] wardSlot, int slots)
    {
        var first = new int[slots];
        var next = new int[wardSlot.Length];
        Array.Fill(first, -1);
        for (var i = wardSlot.Length - 1; i >= 0; i--)
        {
            next[i] = first[wardSlot[i]];
            first[wardSlot[i]] = i;
        }

        return (first, next);
    }

    /// <summary>The slots by ward code, ordinal; a city's wards come in code order already, so that is checked first.</summary>
    private static int[] SlotsInCodeOrder(Dictionary<string, int> slotOf)
    {
        var codes = new string[slotOf.Count];
        var order = new int[slotOf.Count];
        foreach (var (code, slot) in slotOf)
        {
            codes[slot] = code;
            order[slot] = slot;
        }

        for (var i = 1; i < codes.Length; i++)
        {
            if (string.CompareOrdinal(codes[i - 1], codes[i]) > 0)
            {
                Array.Sort(codes, order, StringComparer.Ordinal);
                break;
            }
        }

        return order;
    }

    /// <summary>
    /// Pupils a growth area adds at <paramref name="level"/> in <paramref name="year"/>: residents × phase × places per
    /// 1,000. The places norm (and, for an industrial zone, the dependants per worker the city turned its workers into
    /// residents with) is recorded as read only when the area adds pupils, so a stamp lists them only when a result
    /// depends on them; the arithmetic is the same either way (a decimal zero keeps the scale of its factors).
    /// </summary>
    public static decimal GrowthPupils(NormsSet norms, GrowthArea g, string level, int year)
    {
        var basis = g.Residents * g.Phase(year);
        var read = basis == 0 ? norms.Unrecorded : norms;
        var pupils = basis * read[$"places_per_1000.{level}"] / 1000m;
        if (pupils != 0 && g.Kind == "industrial_zone")
        {
            _ = norms.Get("dependants_per_worker");
        }

        return pupils;
    }

    /// <summary>
    /// Groups for preschool children split equally over ages 3–4, 4–5 and 5–6 (the remainder to the youngest groups),
    /// each group with its own cap: Σ ceil(children of the age ÷ cap of the age).
    /// </summary>
    /// <remarks>ASSUMPTION: equal thirds; a province with cohort data can give pop_mam_non per age in a later version.</remarks>
    public static long PreschoolClassesByAge(long children, NormsSet norms)
    {
        string[] ages = ["age_3_4", "age_4_5", "age_5_6"];
        long classes = 0;
        for (var i = 0; i < ages.Length; i++)
        {
            var group = (children / 3) + (i < children % 3 ? 1 : 0);
            var cap = (long)norms[$"class_cap.mam_non.{ages[i]}"];
            classes += (group + cap - 1) / cap;
        }

        return classes;
    }
}
