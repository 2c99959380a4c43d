using Facilities.Core.Catchment;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>Compares the catchment rows of PostGIS with those of the in-memory engine.</summary>
public static class CatchmentRowsAssert
{
    /// <summary>Relative tolerance of every floating-point figure.</summary>
    public const double Relative = 1e-6;

    /// <summary>
    /// Same wards and schools in the same order with equal keys and integers (classes, rooms needed and available,
    /// classrooms); pupils, allocated, accessibility, capacity and load within <see cref="Relative"/> of the larger
    /// of the two values; unserved within <see cref="Relative"/> of the ward's pupils (a fully served ward has
    /// unserved 0 up to rounding noise of about 1e-13, where a relative test on the value itself means nothing).
    /// Returns the largest relative difference seen.
    /// </summary>
    /// <param name="wards">In-memory ward rows of one level.</param>
    /// <param name="schools">In-memory school rows of one level.</param>
    /// <param name="sql">The SQL rows.</param>
    public static double Agree(IEnumerable<CatchmentWardRow> wards, IEnumerable<CatchmentSchoolRow> schools, CatchmentLevelRows sql)
    {
        var expectedWards = wards.ToList();
        var expectedSchools = schools.ToList();
        Assert.Equal(expectedWards.Count, sql.Wards.Count);
        Assert.Equal(expectedSchools.Count, sql.Schools.Count);
        var worst = 0.0;
        void Near(double e, double a, double scale, string what)
        {
            var d = Math.Abs(e - a);
            var rel = scale > 0 ? d / scale : d;
            worst = Math.Max(worst, rel);
            Assert.True(rel <= Relative, $"{what}: C# {e:R} vs SQL {a:R} (relative difference {rel:E2})");
        }

        for (var i = 0; i < expectedWards.Count; i++)
        {
            var e = expectedWards[i];
            var a = sql.Wards[i];
            var where = $"ward {e.WardCode} {e.Level}";
            Assert.True((e.WardCode, e.WardName, e.UnitType, e.Level, e.Year) == (a.WardCode, a.WardName, a.UnitType, a.Level, a.Year),
                $"row {i}: keys differ: {e.WardCode}/{e.Level}/{e.Year} vs {a.WardCode}/{a.Level}/{a.Year}");
            Near(e.Pupils, a.Pupils, Math.Max(Math.Abs(e.Pupils), Math.Abs(a.Pupils)), $"{where}: pupils");
            Near(e.Allocated, a.Allocated, Math.Max(Math.Abs(e.Allocated), Math.Abs(a.Allocated)), $"{where}: allocated");
            Near(e.Unserved, a.Unserved, Math.Max(Math.Abs(e.Pupils), Math.Abs(a.Unserved)), $"{where}: unserved");
            Near(e.BeyondReach, a.BeyondReach, Math.Max(Math.Abs(e.Pupils), Math.Abs(a.BeyondReach)), $"{where}: beyond reach");
            Near(e.FarAssigned, a.FarAssigned, Math.Max(Math.Abs(e.Pupils), Math.Abs(a.FarAssigned)), $"{where}: far assigned");
            Near(e.Accessibility, a.Accessibility, Math.Max(Math.Abs(e.Accessibility), Math.Abs(a.Accessibility)), $"{where}: accessibility");
            Assert.True(e.ClassesNeeded == a.ClassesNeeded, $"{where}: classes needed {e.ClassesNeeded} vs {a.ClassesNeeded} (unserved {e.Unserved:R} vs {a.Unserved:R})");
            Assert.True(e.RoomsNeeded == a.RoomsNeeded, $"{where}: rooms needed {e.RoomsNeeded} vs {a.RoomsNeeded} (unserved {e.Unserved:R} vs {a.Unserved:R})");
            Assert.True(e.RoomsAvailable == a.RoomsAvailable, $"{where}: rooms available {e.RoomsAvailable} vs {a.RoomsAvailable}");
        }

        for (var j = 0; j < expectedSchools.Count; j++)
        {
            var e = expectedSchools[j];
            var a = sql.Schools[j];
            var where = $"school {e.Id} {e.Level}";
            Assert.True((e.Id, e.Name, e.Level, e.WardCode, e.Classrooms) == (a.Id, a.Name, a.Level, a.WardCode, a.Classrooms),
                $"row {j}: keys differ: {e.Id}/{e.Level}/{e.WardCode}/{e.Classrooms} vs {a.Id}/{a.Level}/{a.WardCode}/{a.Classrooms}");
            Near(e.Capacity, a.Capacity, Math.Max(Math.Abs(e.Capacity), Math.Abs(a.Capacity)), $"{where}: capacity");
            Near(e.Allocated, a.Allocated, Math.Max(Math.Abs(e.Allocated), Math.Abs(a.Allocated)), $"{where}: allocated");
        }

        return worst;
    }
}
