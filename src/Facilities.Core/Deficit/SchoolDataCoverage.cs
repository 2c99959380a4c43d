using Facilities.Core.Model;

namespace Facilities.Core.Deficit;

/// <summary>
/// How many schools of each level the dataset holds in each ward, whatever their ownership or capacity, so a result
/// can tell "no school of this level in the data" (maybe missing data) from "schools with zero rooms" (data).
/// </summary>
/// <remarks>
/// POLICY: the count ignores --public-only: a ward whose only school is private has school data, and its zero public
/// rooms are a result of the option, not a gap in the data. A school reported with 0 classrooms counts as a school:
/// 0 is a figure the agency gave. The classrooms field is required by the schema, so a school cannot arrive with an
/// unknown room count (docs/deficit.md, "Wards without school data").
/// </remarks>
public sealed class SchoolDataCoverage
{
    private readonly Dictionary<(string Ward, string Level), int> _counts = [];

    private SchoolDataCoverage()
    {
    }

    /// <summary>Counts the schools of <paramref name="city"/> by ward and level (schools in no ward are left out).</summary>
    public static SchoolDataCoverage Of(CityModel city)
    {
        var coverage = new SchoolDataCoverage();
        foreach (var s in city.Schools.Where(s => s.WardCode.Length > 0))
        {
            coverage._counts[(s.WardCode, s.Level)] = coverage._counts.GetValueOrDefault((s.WardCode, s.Level)) + 1;
        }

        return coverage;
    }

    /// <summary>Schools of <paramref name="level"/> in the data for <paramref name="wardCode"/>.</summary>
    public int SchoolsInData(string wardCode, string level) => _counts.GetValueOrDefault((wardCode, level));
}
