using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Core.Teachers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Teachers;

/// <summary>
/// The catchment variant of the teacher shortfall, by hand: two 1 km × 250 m phường side by side, A (west) and B
/// (east), 400 primary pupils each, so 100 on each of their four 250 m grid nodes (x = 600125, 600375, 600625,
/// 600875 in A; 601125 … 601875 in B). One primary school with 10 rooms in B at x = 601050, and the urban primary
/// radius is 500 m, so the nodes at 600625 (425 m), 600875 (175 m), 601125 (75 m) and 601375 (325 m) reach it and the
/// other four do not: 200 pupils of A and 200 of B reach it, 400 in all; the other 400 are beyond reach and go to
/// their nearest school, this one, when it has seats for them. Primary: 35 pupils a class, 1.5 teachers a
/// class, one room per class, so the school has 10 × 35 = 350 places.
/// </summary>
public class TeacherCatchmentTests
{
    private static readonly NormsSet Norms = NormsSet.BuiltIn.With(NormsSet.Parse("""
        { "version": "test", "values": {
          "teachers_per_class.tieu_hoc": { "value": 1.5, "status": "secondary", "source": "test" },
          "service_radius_m.tieu_hoc.urban": { "value": 500, "status": "unconfirmed", "source": "test" } } }
        """, "test"));

    [Fact]
    public void Unlimited_SchoolTeachesEveryPupilWhoReachesIt_WardsAddClassesForTheirUnservedPupils()
    {
        var (wards, schools) = Run(capacityLimited: false, teachers: 15);

        // School: 400 within reach + 400 beyond reach = 800 pupils → ⌈800 ÷ 35⌉ = 23 classes → 34.5 → 35 teachers; 15 → short 20.
        var school = schools.Single();
        Assert.Equal((23L, 35L, 15L, 20L), (school.Classes, school.TeachersNeeded, school.TeachersAvailable, school.Shortfall));
        Assert.Equal(800, school.PupilsTaught!.Value, 9);
        // A: no school, and its 200 unserved pupils are seated at B's school: 0 classes, a known 0 available, short 0.
        var a = wards.Single(w => w.WardCode == "A");
        Assert.Equal((0L, 0L, 0L, 0L, 0L), (a.Classes, a.UnservedClasses, a.TeachersNeeded, a.TeachersAvailable, a.Shortfall));
        Assert.Equal(0, a.PupilsTaught!.Value, 9);
        // B: the school's 23 classes → 35 teachers; 15 → short 20.
        var b = wards.Single(w => w.WardCode == "B");
        Assert.Equal((23L, 0L, 35L, 15L, 20L), (b.Classes, b.UnservedClasses, b.TeachersNeeded, b.TeachersAvailable, b.Shortfall));
    }

    [Fact]
    public void CapacityLimited_TheSchoolTeachesOnlyItsPlaces_TheTurnedAwayNeedClassesInTheirWards()
    {
        var (wards, schools) = Run(capacityLimited: true, teachers: 15);

        // 400 offered, 350 places: every offer is accepted at 350/400, so 25 pupils of each ward are turned away; the
        // 400 beyond reach find no seat left.
        // School: 350 → 10 classes → 15 teachers, exactly what it has.
        var school = schools.Single();
        Assert.Equal((10L, 15L, 0L), (school.Classes, school.TeachersNeeded, school.Shortfall));
        // A: 225 unserved → 7 classes → 10.5 → 11 teachers. B: 10 + 7 = 17 classes → 25.5 → 26 teachers, short 11.
        var a = wards.Single(w => w.WardCode == "A");
        var b = wards.Single(w => w.WardCode == "B");
        Assert.Equal((7L, 11L, 11L), (a.Classes, a.TeachersNeeded, a.Shortfall));
        Assert.Equal((17L, 7L, 26L, 11L), (b.Classes, b.UnservedClasses, b.TeachersNeeded, b.Shortfall));
    }

    [Fact]
    public void UnknownTeachersStayUnknownWhereTheSchoolIs_AndAWardWithoutSchoolsStaysKnown()
    {
        var (wards, schools) = Run(capacityLimited: false, teachers: null);

        Assert.Null(schools.Single().Shortfall);
        Assert.Equal(35L, schools.Single().TeachersNeeded);
        Assert.Null(wards.Single(w => w.WardCode == "B").Shortfall);
        Assert.Equal(0L, wards.Single(w => w.WardCode == "A").Shortfall);
    }

    [Fact]
    public void AdminRowsCarryNoCatchmentFigures()
    {
        var city = City(15);
        var (wards, schools) = TeacherCalculator.Compute(city, AdminDeficitCalculator.Compute(city, Norms, new DeficitOptions(2025) { Levels = ["tieu_hoc"] }));

        Assert.All(wards.Concat(schools), r => Assert.Null(r.PupilsTaught));
        Assert.All(wards, r => Assert.Null(r.UnservedClasses));
        // The admin method counts classes by residence: 400 pupils in each ward → 12 classes → 18 teachers.
        Assert.All(wards, r => Assert.Equal(18L, r.TeachersNeeded));
    }

    private static (IReadOnlyList<TeacherRow> Wards, IReadOnlyList<TeacherRow> Schools) Run(bool capacityLimited, long? teachers)
    {
        var city = City(teachers);
        var catchment = CatchmentCalculator.Compute(city, Norms, new DeficitOptions(2025) { Levels = ["tieu_hoc"], Method = "catchment" },
            new CatchmentOptions { CapacityLimited = capacityLimited });
        return TeacherCalculator.ComputeCatchment(city, catchment);
    }

    private static CityModel City(long? teachers)
    {
        const string a = "POLYGON((600000 2300000, 601000 2300000, 601000 2300250, 600000 2300250, 600000 2300000))";
        const string b = "POLYGON((601000 2300000, 602000 2300000, 602000 2300250, 601000 2300250, 601000 2300000))";
        WardUnit Ward(string code, string wkt) => new(code, code, "phuong", 0, new Dictionary<string, long> { ["tieu_hoc"] = 400 }, Wkt.Read(wkt, 32648));
        var school = new SchoolSite("S", "S", "tieu_hoc", 10, null, true, "B", (Point)Wkt.Read("POINT(601050 2300125)", 32648)) { Teachers = teachers };
        return CityModel.Of(CrsRegistry.Get(32648), [Ward("A", a), Ward("B", b)], [school], []);
    }
}
