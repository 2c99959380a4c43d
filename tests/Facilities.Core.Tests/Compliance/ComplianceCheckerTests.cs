using Facilities.Core.Compliance;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Spatial;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Compliance;

public class ComplianceCheckerTests
{
    private const string Square = "POLYGON((600000 2300000, 601000 2300000, 601000 2301000, 600000 2301000, 600000 2300000))";

    private static readonly NormsSet Norms = NormsSet.BuiltIn.With(NormsSet.Parse("""
        { "version": "test", "values": {
          "sports_ground_m2_per_pupil.thcs": { "value": 2, "status": "unconfirmed", "source": "test" },
          "pupils_per_standard_toilet.thcs": { "value": 200, "status": "unconfirmed", "source": "test" } } }
        """, "test"));

    private static ComplianceRow Check(SchoolSite school, string unitType = "xa") =>
        ComplianceChecker.Check(
            CityModel.Of(CrsRegistry.Get(32648), [new WardUnit("A", "A", unitType, 0, new Dictionary<string, long>(), Wkt.Read(Square, 32648))], [school], []),
            Norms, [school.Level]).Single();

    private static SchoolSite Thcs(long classrooms = 10, long? subjectRooms = 8, long? classes = 16, long? pupils = 700, double? site = 7000,
        double? ground = 1400, long? toilets = 4) =>
        new("S", "S", "thcs", classrooms, subjectRooms, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648))
        {
            Classes = classes,
            Pupils = pupils,
            SiteAreaM2 = site,
            SportsGroundM2 = ground,
            StandardToilets = toilets,
        };

    [Fact]
    public void SchoolMeetingEveryNormPassesEveryCheck()
    {
        // Site 7,000 ≥ 700 × 10; rooms 10 ≥ ceil(16 × 0.6) = 10; 8 subject rooms; ground 1,400 ≥ 700 × 2; toilets 4 ≥ ceil(700 / 200).
        var row = Check(Thcs());

        Assert.All(row.Checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(0, row["site_area"].Gap);
        Assert.Equal(0, row["classrooms"].Gap);
    }

    [Fact]
    public void ShortSiteFailsWithItsGapInSquareMetres()
    {
        var row = Check(Thcs(site: 5000));

        Assert.Equal((CheckStatus.Fail, 7000.0, -2000.0), (row["site_area"].Status, row["site_area"].Required!.Value, row["site_area"].Gap!.Value));
    }

    [Fact]
    public void UrbanWardUsesTheReducedLandNorm()
    {
        // In a phường the urban 6 m² applies: 700 × 6 = 4,200 ≤ 5,000.
        var row = Check(Thcs(site: 5000), unitType: "phuong");

        Assert.Equal((CheckStatus.Pass, 4200.0), (row["site_area"].Status, row["site_area"].Required!.Value));
        Assert.Equal("land_per_pupil_urban_m2.thcs", row["site_area"].NormKey);
    }

    [Fact]
    public void TooFewClassroomsFail()
    {
        // 17 classes × 0.6 = 10.2 → 11 rooms; 10 available → short 1.
        var row = Check(Thcs(classes: 17));

        Assert.Equal((CheckStatus.Fail, -1.0), (row["classrooms"].Status, row["classrooms"].Gap!.Value));
    }

    [Fact]
    public void MissingDataIsUnknownNeverPassOrFail()
    {
        var row = Check(Thcs(subjectRooms: null, classes: null, site: null, ground: null, toilets: null));

        Assert.All(row.Checks, c => Assert.Equal(CheckStatus.Unknown, c.Status));
        Assert.All(row.Checks, c => Assert.Null(c.Gap));
    }

    [Fact]
    public void MissingPupilsMakePerPupilChecksUnknown()
    {
        var row = Check(Thcs(pupils: null));

        Assert.Equal(CheckStatus.Unknown, row["site_area"].Status);
        Assert.Equal(CheckStatus.Unknown, row["sports_ground"].Status);
        Assert.Equal(CheckStatus.Pass, row["subject_rooms"].Status);
    }

    [Fact]
    public void SubjectRoomsDoNotApplyAtPreschool()
    {
        var school = new SchoolSite("M", "M", "mam_non", 9, null, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648)) { Classes = 9, Pupils = 250 };

        Assert.Equal(CheckStatus.NotApplicable, Check(school)["subject_rooms"].Status);
    }

    [Fact]
    public void OverallStatusPassesOnlyWhenNoCheckFailsOrLacksData()
    {
        Assert.Equal(CheckStatus.Pass, Check(Thcs()).Overall);
    }

    [Fact]
    public void OneFailedCheckFailsTheSchoolEvenWhenOthersAreUnknown()
    {
        // Rooms 10 < ceil(17 × 0.6) = 11 fails; no toilet count is unknown: the fail decides.
        Assert.Equal(CheckStatus.Fail, Check(Thcs(classes: 17, toilets: null)).Overall);
    }

    [Fact]
    public void OneUnknownCheckWithoutAFailLeavesTheSchoolUnknown()
    {
        Assert.Equal(CheckStatus.Unknown, Check(Thcs(toilets: null)).Overall);
    }

    [Fact]
    public void ChecksThatDoNotApplyCountForNothing()
    {
        // Preschool: no subject-room norm (n/a); 9 rooms ≥ ceil(9 × 1.0), site and ground unknown without their areas.
        var school = new SchoolSite("M", "M", "mam_non", 9, null, true, "A", (Point)Wkt.Read("POINT(600500 2300500)", 32648)) { Classes = 9, Pupils = 250 };
        var row = Check(school);

        Assert.Equal(CheckStatus.NotApplicable, row["subject_rooms"].Status);
        Assert.Equal(CheckStatus.Unknown, row.Overall);
        Assert.Equal(CheckStatus.Fail, Check(school with { Classrooms = 8 }).Overall);
        Assert.Equal(CheckStatus.Pass, new ComplianceRow("M", "M", "mam_non", "A", [row["classrooms"], row["subject_rooms"]]).Overall);
        Assert.Equal(CheckStatus.Unknown, new ComplianceRow("M", "M", "mam_non", "A", [row["subject_rooms"]]).Overall);
    }
}
