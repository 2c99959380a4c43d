using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Core.Teachers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Teachers;

public class TeacherCalculatorTests
{
    private const string Square = "POLYGON((600000 2300000, 601000 2300000, 601000 2301000, 600000 2301000, 600000 2300000))";

    // Test norms, so the arithmetic below does not move when the national defaults are refined.
    private static readonly NormsSet Norms = NormsSet.BuiltIn.With(NormsSet.Parse("""
        { "version": "test", "values": {
          "teachers_per_class.tieu_hoc": { "value": 1.5, "status": "secondary", "source": "test" },
          "teachers_per_class.thcs": { "value": 1.9, "status": "secondary", "source": "test" },
          "teachers_per_class.english.thcs": { "value": 0.16, "status": "unconfirmed", "source": "test" } } }
        """, "test"));

    private static SchoolSite School(string id, string level, long? teachers, long? classes = null, long? english = null) =>
        new(id, id, level, 10, null, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648))
        {
            Teachers = teachers,
            Classes = classes,
            TeachersBySubject = english is long e ? new Dictionary<string, long> { ["english"] = e } : new Dictionary<string, long>(),
        };

    private static (IReadOnlyList<TeacherRow> Wards, IReadOnlyList<TeacherRow> Schools) Run(string level, long pupils, params SchoolSite[] schools)
    {
        var city = CityModel.Of(CrsRegistry.Get(32648),
            [new WardUnit("A", "A", "phuong", 0, new Dictionary<string, long> { [level] = pupils }, Wkt.Read(Square, 32648))], schools, []);
        var deficit = AdminDeficitCalculator.Compute(city, Norms, new DeficitOptions(2025) { Levels = [level] });
        return TeacherCalculator.Compute(city, deficit);
    }

    [Fact]
    public void TeachersNeededAreClassesTimesTheNormRoundedUp()
    {
        // 700 pupils → 20 classes of 35 → 20 × 1.5 = 30 teachers; 26 reported → short 4.
        var ward = Run("tieu_hoc", 700, School("S", "tieu_hoc", 26)).Wards.Single();

        Assert.Equal((20L, 30L, 26L, 4L), (ward.Classes, ward.TeachersNeeded, ward.TeachersAvailable, ward.Shortfall));
    }

    [Fact]
    public void FractionalNeedRoundsUpToAWholeTeacher()
    {
        // 315 pupils → 7 classes of 45 → 7 × 1.9 = 13.3 → 14 teachers.
        Assert.Equal(14L, Run("thcs", 315, School("S", "thcs", 14)).Wards.Single().TeachersNeeded);
    }

    [Fact]
    public void UnknownTeacherFiguresStayUnknownInsteadOfZero()
    {
        var (wards, schools) = Run("tieu_hoc", 700, School("S1", "tieu_hoc", 20), School("S2", "tieu_hoc", null));

        var ward = wards.Single();
        Assert.Equal(20L, ward.TeachersAvailable);
        Assert.Equal(1, ward.SchoolsWithUnknownTeachers);
        Assert.Null(ward.Shortfall);
        Assert.Null(schools.Single(s => s.SchoolId == "S2").Shortfall);
    }

    [Fact]
    public void AWardWithoutSchoolsHasAKnownZero()
    {
        var ward = Run("tieu_hoc", 70).Wards.Single();

        Assert.Equal((0L, 3L), (ward.TeachersAvailable, ward.Shortfall));
    }

    [Fact]
    public void SchoolRowsUseTheirOwnClasses()
    {
        // 12 classes × 1.9 = 22.8 → 23 teachers; 25 reported → surplus 2.
        var school = Run("thcs", 0, School("S", "thcs", 25, classes: 12)).Schools.Single();

        Assert.Equal((12L, 23L, -2L), (school.Classes, school.TeachersNeeded, school.Shortfall));
    }

    [Fact]
    public void SubjectShortfallOnlyWhereTheDataHasIt()
    {
        // 450 pupils → 10 classes × 0.16 = 1.6 → 2 English teachers; S1 reports 1, S2 nothing → unknown.
        var (wards, schools) = Run("thcs", 450, School("S1", "thcs", 10, classes: 6, english: 1), School("S2", "thcs", 10));

        var english = wards.Single().Subjects["english"];
        Assert.Equal((2L, 1L, 1), (english.Needed, english.Available, english.Unknown));
        Assert.Null(english.Shortfall);
        Assert.Null(wards.Single().Subjects["it"].Available); // norm known, no school reports ICT teachers
        Assert.NotNull(schools.Single(s => s.SchoolId == "S1").Subjects["english"].Shortfall);
    }
}
