using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Catchment;

public class SchoolCapacityTests
{
    [Fact]
    public void SeatsAreClassroomsOverTheRoomRatioTimesTheClassCap()
    {
        // Lower secondary, one session: 12 rooms ÷ 0.6 rooms per class = 20 classes × 45 pupils = 900 seats.
        Assert.Equal(900, SchoolCapacity.Of("thcs", 12, NormsSet.BuiltIn)!.Value, 9);
        // Two sessions need a room per class: 12 classes × 45 = 540 seats.
        Assert.Equal(540, SchoolCapacity.Of("thcs", 12, NormsSet.BuiltIn, twoSessions: true)!.Value, 9);
    }

    [Fact]
    public void UnknownClassroomsOrALevelWithoutNormsHaveNoSeats()
    {
        Assert.Null(SchoolCapacity.Of("thcs", null, NormsSet.BuiltIn));
        Assert.Null(SchoolCapacity.Of("dai_hoc", 12, NormsSet.BuiltIn));
    }

    [Fact]
    public void LoadRatioIsPupilsPerSeatAndUnknownWithoutPupilsOrSeats()
    {
        // 990 pupils in 900 seats: 1.1, ten per cent over capacity.
        Assert.Equal(1.1, SchoolCapacity.LoadRatio(990, 900)!.Value, 9);
        Assert.Null(SchoolCapacity.LoadRatio(null, 900));
        Assert.Null(SchoolCapacity.LoadRatio(990, null));
        Assert.Null(SchoolCapacity.LoadRatio(990, 0));
    }

    [Fact]
    public void TheCatchmentMethodGivesEachSchoolTheseSeats()
    {
        // Primary: 3 rooms ÷ 1.0 × 35 = 105 places, the same figure the map's school layer shows.
        const string square = "POLYGON((600000 2300000, 600500 2300000, 600500 2300500, 600000 2300500, 600000 2300000))";
        var school = new SchoolSite("S", "S", "tieu_hoc", 3, null, true, "A", (Point)Wkt.Read("POINT(600250 2300250)", 32648));
        var city = CityModel.Of(CrsRegistry.Get(32648),
            [new WardUnit("A", "A", "phuong", 0, new Dictionary<string, long> { ["tieu_hoc"] = 200 }, Wkt.Read(square, 32648))], [school], []);

        var result = CatchmentCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"] }, new CatchmentOptions());

        Assert.Equal(105, Assert.Single(result.Schools).Capacity, 9);
        Assert.Equal(SchoolCapacity.Of("tieu_hoc", 3, NormsSet.BuiltIn), Assert.Single(result.Schools).Capacity);
    }
}
