using Facilities.Core.Deficit;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>Compares the deficit rows of PostGIS with those of the in-memory engine.</summary>
public static class DeficitRowsAssert
{
    /// <summary>Tolerance for the decimal pupils from growth areas, whose area shares are floating point.</summary>
    public const decimal PupilTolerance = 0.000001m;

    /// <summary>
    /// Same rows in the same order; every text and integer column equal; school-age residents and resident pupils
    /// (exact decimal products in both) equal; urban-area and industrial-zone pupils within <see cref="PupilTolerance"/>.
    /// Returns the largest difference of those two components.
    /// </summary>
    public static decimal Same(IReadOnlyList<DeficitRow> expected, IReadOnlyList<DeficitRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var worst = 0m;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            var where = $"row {i}: ward {e.WardCode} {e.Level}";
            Assert.True((e.WardCode, e.WardName, e.UnitType, e.Level, e.Year, e.ResidentsSource) == (a.WardCode, a.WardName, a.UnitType, a.Level, a.Year, a.ResidentsSource),
                $"{where}: keys differ: {e.WardCode}/{e.Level}/{e.ResidentsSource} vs {a.WardCode}/{a.Level}/{a.ResidentsSource}");
            Assert.True(e.SchoolAgeResidents == a.SchoolAgeResidents, $"{where}: school-age residents {e.SchoolAgeResidents} vs {a.SchoolAgeResidents}");
            Assert.True(e.ResidentPupils == a.ResidentPupils, $"{where}: resident pupils {e.ResidentPupils} vs {a.ResidentPupils}");
            var du = Math.Abs(e.UrbanAreaPupils - a.UrbanAreaPupils);
            var di = Math.Abs(e.IndustrialZonePupils - a.IndustrialZonePupils);
            Assert.True(du <= PupilTolerance, $"{where}: urban-area pupils {e.UrbanAreaPupils} vs {a.UrbanAreaPupils}");
            Assert.True(di <= PupilTolerance, $"{where}: industrial-zone pupils {e.IndustrialZonePupils} vs {a.IndustrialZonePupils}");
            worst = Math.Max(worst, Math.Max(du, di));
            Assert.True(e.Pupils == a.Pupils, $"{where}: pupils {e.Pupils} vs {a.Pupils}");
            Assert.True(e.ClassCap == a.ClassCap, $"{where}: class cap {e.ClassCap} vs {a.ClassCap}");
            Assert.True(e.ClassesNeeded == a.ClassesNeeded, $"{where}: classes {e.ClassesNeeded} vs {a.ClassesNeeded}");
            Assert.True(e.RoomRatio == a.RoomRatio, $"{where}: room ratio {e.RoomRatio} vs {a.RoomRatio}");
            Assert.True(e.RoomsNeeded == a.RoomsNeeded, $"{where}: rooms needed {e.RoomsNeeded} vs {a.RoomsNeeded}");
            Assert.True(e.RoomsAvailable == a.RoomsAvailable, $"{where}: rooms available {e.RoomsAvailable} vs {a.RoomsAvailable}");
            Assert.True(e.DeficitRooms == a.DeficitRooms, $"{where}: deficit {e.DeficitRooms} vs {a.DeficitRooms}");
            Assert.True(e.Schools == a.Schools, $"{where}: schools {e.Schools} vs {a.Schools}");
            Assert.True(e.SubjectRoomsRequired == a.SubjectRoomsRequired, $"{where}: subject rooms required {e.SubjectRoomsRequired} vs {a.SubjectRoomsRequired}");
            Assert.True(e.SubjectRoomsAvailable == a.SubjectRoomsAvailable, $"{where}: subject rooms available {e.SubjectRoomsAvailable} vs {a.SubjectRoomsAvailable}");
            Assert.True(e.SubjectRoomsDeficit == a.SubjectRoomsDeficit, $"{where}: subject-room deficit {e.SubjectRoomsDeficit} vs {a.SubjectRoomsDeficit}");
            Assert.True(e.SubjectRoomsUnknown == a.SubjectRoomsUnknown, $"{where}: subject rooms unknown {e.SubjectRoomsUnknown} vs {a.SubjectRoomsUnknown}");
        }

        return worst;
    }
}
