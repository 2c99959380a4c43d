using Facilities.Core.Catchment;
using Facilities.Core.Compliance;
using Facilities.Core.Deficit;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Core.Teachers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Deficit;

/// <summary>
/// Three 1 km wards in a row: A has a primary school with 10 rooms, B one with 0 rooms (a figure the agency gave),
/// C none at all. Every result must flag C, and only C, as "no school data", and keep the numbers it had before.
/// </summary>
public class SchoolDataStatusTests
{
    private const string SquareA = "POLYGON((600000 2300000, 601000 2300000, 601000 2301000, 600000 2301000, 600000 2300000))";
    private const string SquareB = "POLYGON((601000 2300000, 602000 2300000, 602000 2301000, 601000 2301000, 601000 2300000))";
    private const string SquareC = "POLYGON((602000 2300000, 603000 2300000, 603000 2301000, 602000 2301000, 602000 2300000))";

    private static CityModel City()
    {
        WardUnit Ward(string code, string wkt) =>
            new(code, "Phường " + code, "phuong", 5000, new Dictionary<string, long> { ["tieu_hoc"] = 350 }, Wkt.Read(wkt, 32648));
        SchoolSite School(string id, long rooms, string ward, string point) =>
            new(id, id, "tieu_hoc", rooms, null, true, ward, (Point)Wkt.Read(point, 32648)) { Teachers = rooms == 0 ? 0 : 15 };
        return CityModel.Of(CrsRegistry.Get(32648),
            [Ward("A", SquareA), Ward("B", SquareB), Ward("C", SquareC)],
            [School("SA", 10, "A", "POINT(600500 2300500)"), School("SB", 0, "B", "POINT(601500 2300500)")], []);
    }

    private static DeficitResult Primary(CityModel city) =>
        AdminDeficitCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"] });

    [Fact]
    public void OnlyTheWardWithoutAnySchoolIsFlaggedAndTheNumbersAreUnchanged()
    {
        var rows = Primary(City()).Rows.ToDictionary(r => r.WardCode);

        // 350 pupils → 10 classes → 10 rooms needed in each ward; available 10, 0 (reported), 0 (no school).
        Assert.Equal((1, "ok", 10L, 0L), (rows["A"].SchoolsInData, rows["A"].DataStatus, rows["A"].RoomsAvailable, rows["A"].DeficitRooms));
        Assert.Equal((1, "ok", 0L, 10L), (rows["B"].SchoolsInData, rows["B"].DataStatus, rows["B"].RoomsAvailable, rows["B"].DeficitRooms));
        Assert.Equal((0, "no_school_data", 0L, 10L), (rows["C"].SchoolsInData, rows["C"].DataStatus, rows["C"].RoomsAvailable, rows["C"].DeficitRooms));
    }

    [Fact]
    public void TheWarningCountsTheWardsWithoutSchoolDataInBothLanguages()
    {
        var warning = Assert.Single(Primary(City()).MissingSchoolDataWarnings());

        Assert.Equal("1 phường/xã không có trường tiểu học nào trong dữ liệu: thiếu hụt ở đó có thể là do thiếu dữ liệu (C).", warning.Vi);
        Assert.Equal("1 wards have no primary school in the data: their shortage may be missing data (C).", warning.En);
    }

    [Fact]
    public void TotalsSayHowMuchOfTheShortageLiesInWardsWithoutSchoolData()
    {
        var total = Primary(City()).TotalsByLevel().Single();

        // Shortage 0 + 10 + 10 = 20, of which C's 10 has no school data behind it.
        Assert.Equal((20L, 1, 10L), (total.Shortage, total.WardsWithoutSchoolData, total.ShortageWithoutSchoolData));
    }

    [Fact]
    public void APrivateSchoolIsSchoolDataEvenWhenOnlyPublicRoomsCount()
    {
        var city = City();
        var withPrivate = CityModel.Of(city.MetricCrs, city.Wards,
            [.. city.Schools, new SchoolSite("SC", "SC", "tieu_hoc", 8, null, false, "C", (Point)Wkt.Read("POINT(602500 2300500)", 32648))], []);

        var c = AdminDeficitCalculator.Compute(withPrivate, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"], PublicOnly = true })
            .Rows.Single(r => r.WardCode == "C");

        Assert.Equal((0, 1, "ok", 0L), (c.Schools, c.SchoolsInData, c.DataStatus, c.RoomsAvailable));
    }

    [Fact]
    public void CatchmentWardRowsCarryTheSameFlag()
    {
        var city = City();
        var result = CatchmentCalculator.Compute(city, NormsSet.BuiltIn, new DeficitOptions(2025) { Levels = ["tieu_hoc"] }, new CatchmentOptions());

        Assert.Equal(["ok", "ok", "no_school_data"], result.Wards.OrderBy(w => w.WardCode).Select(w => w.DataStatus));
        Assert.Contains("(C)", Assert.Single(result.MissingSchoolDataWarnings()).En, StringComparison.Ordinal);
    }

    [Fact]
    public void TeacherWardRowsCarryTheFlagWhileAReportedZeroIsData()
    {
        var city = City();
        var (wards, schools) = TeacherCalculator.Compute(city, Primary(city));
        var byWard = wards.ToDictionary(w => w.WardCode);

        // B reports 0 teachers: data. C has no school: 0 available as before, but flagged.
        Assert.Equal((0L, "ok"), (byWard["B"].TeachersAvailable!.Value, byWard["B"].DataStatus));
        Assert.Equal((0L, "no_school_data"), (byWard["C"].TeachersAvailable!.Value, byWard["C"].DataStatus));
        Assert.All(schools, s => Assert.Equal("", s.DataStatus));
        Assert.Contains("teacher shortfall may be missing data", Assert.Single(TeacherCalculator.MissingSchoolDataWarnings(wards)).En, StringComparison.Ordinal);
    }

    [Fact]
    public void ComplianceWarnsPerLevelForWardsWithNothingToCheck()
    {
        var warnings = ComplianceChecker.MissingSchoolDataWarnings(City(), ["mam_non", "tieu_hoc"]);

        Assert.Equal(
            [
                "3 wards have no preschool in the data: no school there could be checked against the facility norms (A, B, C).",
                "1 wards have no primary school in the data: no school there could be checked against the facility norms (C).",
            ],
            warnings.Select(w => w.En));
    }
}
