using Facilities.Application.Import;
using Facilities.Core.Spatial;
using Facilities.Formats;
using Facilities.Formats.Readers;
using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.IO.Tests.Tables;

/// <summary>
/// The education department's school list as an Excel workbook: two title rows, a two-row header with "Tọa độ VN-2000"
/// merged over X and Y, a column-number row, one sheet per level, VN-2000 X = northing / Y = easting to the
/// centimetre, a totals row and a signature block. Positions are checked against PROJ to 1 cm, every value kept.
/// </summary>
public sealed class SchoolWorkbookTests : IDisposable
{
    private const double OneCentimetre = 0.01;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record School(string Id, string Name, string Level, int Classrooms, int Pupils, string Ownership, double Lon, double Lat, string? Note);

    // Hải An, Lê Chân, Thủy Nguyên, Kiến An (preschools); Ngô Quyền, An Dương, Đồ Sơn (primary).
    private static readonly School[] Preschools =
    [
        new("MN-HA-01", "Trường Mầm non Hoa Sen", "Mầm non", 12, 320, "Công lập", 106.7612, 20.8285, null),
        new("MN-LC-02", "Trường Mầm non Tuổi Thơ", "Mầm non", 9, 245, "Tư thục", 106.6823, 20.8470, "Đang xây thêm 2 phòng"),
        new("MN-TN-03", "Trường Mầm non Thủy Sơn", "Mầm non", 15, 410, "Công lập", 106.6710, 20.9300, null),
        new("MN-KA-04", "Trường Mầm non Bắc Sơn", "Mầm non", 8, 198, "Công lập", 106.6350, 20.8120, null),
    ];

    private static readonly School[] PrimarySchools =
    [
        new("TH-NQ-01", "Trường Tiểu học Lê Lợi", "Tiểu học", 24, 980, "Công lập", 106.6950, 20.8600, null),
        new("TH-AD-02", "Trường Tiểu học An Hưng", "Tiểu học", 18, 640, "Công lập", 106.6010, 20.8720, "Điểm lẻ thôn 3"),
        new("TH-DS-03", "Trường Tiểu học Vạn Sơn", "Tiểu học", 14, 455, "Công lập", 106.7920, 20.7160, null),
    ];

    [Fact]
    public void SchoolListWorkbookWithVn2000NorthingFirstImportsEverySheetWithinOneCentimetreOfProj()
    {
        var (path, vn) = Workbook(9210);

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null) { CrsOverride = CrsRegistry.Get(9210) }, dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items));
        var schools = Preschools.Concat(PrimarySchools).ToList();
        Assert.Equal(schools.Count, outcome.Layer.Features.Count);
        var reference = Vn2000Reference.Unproject(9210, vn);
        for (var i = 0; i < schools.Count; i++)
        {
            var s = schools[i];
            var f = outcome.Layer.Features[i];
            Assert.Equal(s.Id, f["id"]);
            Assert.Equal(s.Name, f["name"]);
            Assert.Equal(s.Level == "Mầm non" ? "mam_non" : "tieu_hoc", f["level"]);
            Assert.Equal((long)s.Classrooms, Convert.ToInt64(f["classrooms"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal((long)s.Pupils, Convert.ToInt64(f["pupils"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(s.Ownership == "Công lập" ? "public" : "private", f["ownership"]);
            Assert.Equal(s.Note, f["ghi_chu"]);
            Assert.Equal((double)(Array.IndexOf(s.Level == "Mầm non" ? Preschools : PrimarySchools, s) + 1), f["stt"]);
            var d = Vn2000Reference.Metres(((Point)f.Geometry!).Coordinate, reference[i]);
            Assert.True(d < OneCentimetre, $"{s.Id}: {d:0.0000} m from cs2cs");
        }
    }

    [Fact]
    public void ImportSummarySaysWhichSheetsHeaderRowsAndAxisOrderWereUsed()
    {
        var (path, _) = Workbook(9210);

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null) { CrsOverride = CrsRegistry.Get(9210) }, dryRun: true);

        var sheets = Assert.Single(outcome.Issues.Items, i => i.Code == "xlsx-sheets");
        Assert.Equal("read sheet 'Mầm non', 'Tiểu học'; skipped 'Tổng hợp' (no coordinate columns, or empty; choose with --sheet).", sheets.Message.En);
        var headers = outcome.Issues.Items.Where(i => i.Code == "table-header").Select(i => i.Message.En).ToList();
        Assert.Equal(["sheet 'Mầm non': column header in row 4–5 (two rows combined), 4 data rows.", "sheet 'Tiểu học': column header in row 4–5 (two rows combined), 3 data rows."], headers);
        var axes = outcome.Issues.Items.Where(i => i.Code == "coordinates-axis-order").ToList();
        Assert.Equal(2, axes.Count);
        Assert.All(axes, a => Assert.Contains("'Tọa độ VN-2000 X' is the northing and 'Tọa độ VN-2000 Y' the easting", a.Message.En, StringComparison.Ordinal));
        Assert.Contains(outcome.Issues.Items, i => i.Code == "table-end" && i.Message.En.StartsWith("sheet 'Mầm non', row 13 ('Tổng cộng') ends the list", StringComparison.Ordinal));
        Assert.Contains(outcome.Issues.Items, i => i.Code == "blank-rows-skipped" && i.Message.En.Contains("skipped a blank row between the data rows (row 9)", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Issues.Items, i => i.Code == "rows-after-table-end");
        Assert.Equal(2, outcome.Issues.Items.Count(i => i.Code == "column-numbers-row"));
    }

    [Fact]
    public void MappingReportListsTheCoordinateColumnsAsTheGeometryWithTheirAxis()
    {
        var (path, _) = Workbook(9210);

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null) { CrsOverride = CrsRegistry.Get(9210) }, dryRun: true);

        var geometry = outcome.Columns.Where(c => c.Role == Core.Import.ColumnRole.Geometry).Select(c => (c.Source, c.Target, c.TargetVi)).ToList();
        Assert.Equal(
            [("Tọa độ VN-2000 X", "geometry: northing", "hình học: toạ độ Bắc (northing)"), ("Tọa độ VN-2000 Y", "geometry: easting", "hình học: toạ độ Đông (easting)")],
            geometry);
        Assert.Contains(outcome.Columns, c => c.Source == "Ghi chú" && c.Role == Core.Import.ColumnRole.Extra);
    }

    [Fact]
    public void SheetOptionReadsOnlyThatSheetByNameOrNumber()
    {
        var (path, _) = Workbook(9210);
        var crs = CrsRegistry.Get(9210);

        var byName = DatasetImporter.Import(new ImportRequest(path, "schools", null) { CrsOverride = crs, Read = new SourceReadOptions { Sheet = "tieu hoc" } }, dryRun: true);
        var byNumber = DatasetImporter.Import(new ImportRequest(path, "schools", null) { CrsOverride = crs, Read = new SourceReadOptions { Sheet = "1", HeaderRow = 4 } }, dryRun: true);

        Assert.Equal(PrimarySchools.Select(s => s.Id), byName.Layer.Features.Select(f => (string)f["id"]!));
        Assert.Equal(Preschools.Select(s => s.Id), byNumber.Layer.Features.Select(f => (string)f["id"]!));
    }

    [Fact]
    public void ProjectedXyWithoutCrsIsOneErrorSuggestingTheHaiPhongAndHaiDuongZones()
    {
        var (path, _) = Workbook(9210);
        var dataset = ImportAssert.ExistingDataset(_dir);

        var issue = ImportAssert.Rejected(new ImportRequest(path, "schools", dataset), "coordinates-not-degrees");

        Assert.Contains("--crs EPSG:9210", issue.Message.En, StringComparison.Ordinal);
        Assert.Contains("--crs EPSG:9209", issue.Message.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNumericXNamesFileSheetRowAndFieldAndWritesNothing()
    {
        var (path, _) = Workbook(9210, badNorthingInRow7: "chưa đo");
        var dataset = ImportAssert.ExistingDataset(_dir);

        var issue = ImportAssert.Rejected(new ImportRequest(path, "schools", dataset) { CrsOverride = CrsRegistry.Get(9210) }, "coordinates-not-number");

        Assert.Equal("truong_mam_non.xlsx", issue.File);
        Assert.Equal("Tọa độ VN-2000 X", issue.Field);
        Assert.Equal("sheet 'Mầm non', row 7, column 'Tọa độ VN-2000 X': coordinate 'chưa đo' is not a number.", issue.Message.En);
    }

    [Fact]
    public void SchoolBelowTheTotalsRowIsNotImportedWithoutAWarning()
    {
        var path = _dir.File("sau_tong_cong.xlsx");
        AgencyWorkbook.Write(path, new AgencyWorkbook.Sheet("DS", new Dictionary<int, object?[]>
        {
            [1] = ["Mã trường", "Tên trường", "Cấp học", "Số phòng học", "Kinh độ", "Vĩ độ"],
            [2] = ["S1", "Trường A", "THCS", 12, 106.68, 20.84],
            [3] = ["Tổng cộng", null, null, 12],
            [4] = ["S2", "Trường B", "THCS", 9, 106.69, 20.85],
        }, []));

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null), dryRun: true);

        Assert.Equal(["S1"], outcome.Layer.Features.Select(f => (string)f["id"]!));
        var warning = Assert.Single(outcome.Issues.Items, i => i.Code == "rows-after-table-end");
        Assert.Equal("sheet 'DS': row 4 is below the 'Tổng cộng' row but has coordinates and is not imported; move it above that row or to another sheet.", warning.Message.En);
    }

    [Fact]
    public void DateCellsBecomeIsoTextAndNumericCellsStayNumbers()
    {
        var path = _dir.File("ngay.xlsx");
        AgencyWorkbook.Write(path, new AgencyWorkbook.Sheet("DS", new Dictionary<int, object?[]>
        {
            [1] = ["Mã trường", "Tên trường", "Cấp học", "Số phòng học", "Ngày thành lập", "Diện tích sân chơi", "Kinh độ", "Vĩ độ"],
            [2] = ["S1", "Trường A", "THCS", 12, new DateTime(1998, 9, 5), 1250.75, 106.68, 20.84],
        }, []));

        var outcome = DatasetImporter.Import(new ImportRequest(path, "schools", null), dryRun: true);

        Assert.False(outcome.Issues.HasErrors, string.Join("\n", outcome.Issues.Items));
        var f = Assert.Single(outcome.Layer.Features);
        Assert.Equal("1998-09-05", f["ngay_thanh_lap"]);
        Assert.Equal(1250.75, f["sports_ground_m2"]);
        Assert.Equal(12L, f["classrooms"]);
    }

    [Fact]
    public void FileThatIsNotAWorkbookIsRefusedByNameAndWritesNothing()
    {
        var path = _dir.Write("danh_sach.xlsx", "Mã trường;Tên trường\n");
        var dataset = ImportAssert.ExistingDataset(_dir);

        var issue = ImportAssert.Rejected(new ImportRequest(path, "schools", dataset), "xlsx-unreadable");

        Assert.StartsWith("the Excel file (.xlsx) cannot be read", issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkbookWithoutCoordinatesListsTheXyFormsItWouldAccept()
    {
        var path = _dir.File("khong_toa_do.xlsx");
        AgencyWorkbook.Write(path, new AgencyWorkbook.Sheet("Sheet1", new Dictionary<int, object?[]>
        {
            [1] = ["Mã trường", "Tên trường", "Cấp học", "Số phòng học"],
            [2] = ["S1", "Trường A", "THCS", 12],
        }, []));

        var e = Assert.Throws<DataFileException>(() => DatasetImporter.Import(new ImportRequest(path, "schools", null), dryRun: true));

        Assert.Equal("table-no-geometry", e.Issue.Code);
        Assert.Contains("Tọa độ X", e.Issue.Message.En, StringComparison.Ordinal);
        Assert.Contains("X (m)", e.Issue.Message.Vi, StringComparison.Ordinal);
    }

    private (string Path, List<(double Easting, double Northing)> Vn2000) Workbook(int srid, string? badNorthingInRow7 = null)
    {
        var vn = Vn2000Reference.Project(srid, [.. Preschools.Concat(PrimarySchools).Select(s => (s.Lon, s.Lat))]);
        var path = _dir.File("truong_mam_non.xlsx");
        AgencyWorkbook.Write(path,
            LevelSheet("Mầm non", "DANH SÁCH TRƯỜNG MẦM NON NĂM HỌC 2025-2026", Preschools, vn[..Preschools.Length], badNorthingInRow7),
            LevelSheet("Tiểu học", "DANH SÁCH TRƯỜNG TIỂU HỌC NĂM HỌC 2025-2026", PrimarySchools, vn[Preschools.Length..], null),
            new AgencyWorkbook.Sheet("Tổng hợp", new Dictionary<int, object?[]>
            {
                [1] = ["Cấp học", "Số trường", "Số học sinh"],
                [2] = ["Mầm non", 4, 1173],
                [3] = ["Tiểu học", 3, 2075],
            }, []));
        return (path, vn);
    }

    // Rows as the department's form has them: title rows 1–2, blank row 3, header rows 4–5, column numbers in row 6,
    // data from row 7 with a blank row after the second school, then the totals row and the signature block.
    private static AgencyWorkbook.Sheet LevelSheet(string name, string title, School[] schools, List<(double Easting, double Northing)> vn, string? badNorthing)
    {
        var rows = new Dictionary<int, object?[]>
        {
            [1] = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG"],
            [2] = [title],
            [4] = ["STT", "Mã trường", "Tên trường", "Cấp học", "Số phòng học", "Số học sinh", "Loại hình", "Tọa độ VN-2000", null, "Ghi chú"],
            [5] = [null, null, null, null, null, null, null, "X", "Y", null],
            [6] = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],
        };
        var row = 7;
        for (var i = 0; i < schools.Length; i++)
        {
            var s = schools[i];
            object? northing = i == 0 && badNorthing is not null ? badNorthing : vn[i].Northing;
            rows[row] = [i + 1, s.Id, s.Name, s.Level, s.Classrooms, s.Pupils, s.Ownership, northing, vn[i].Easting, s.Note];
            row += i == 1 ? 2 : 1;
        }

        rows[row + 1] = ["Tổng cộng", null, null, null, schools.Sum(s => s.Classrooms), schools.Sum(s => s.Pupils)];
        rows[row + 3] = [null, "Người lập biểu", null, null, null, null, null, "Hải Phòng, ngày 15 tháng 9 năm 2025"];
        rows[row + 6] = [null, "Nguyễn Thị Lan", null, null, null, null, null, "Trần Văn Minh"];
        return new AgencyWorkbook.Sheet(name, rows,
            ["A1:J1", "A2:J2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H4:I4", "J4:J5"]);
    }
}
