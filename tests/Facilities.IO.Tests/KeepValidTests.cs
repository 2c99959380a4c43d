using System.Globalization;
using System.Text;
using Facilities.Application.Import;
using Facilities.Core.Validation;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.IO.Tests;

/// <summary>
/// <c>--keep-valid --rejects FILE</c>: the valid rows go in, the refused ones go to a file the agency can fix, with
/// their own columns and the reasons in Vietnamese and English; an error of the whole layer still refuses everything.
/// </summary>
public sealed class KeepValidTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public KeepValidTests() => _dataset = ImportAssert.ExistingDataset(_dir);

    public void Dispose() => _dir.Dispose();

    private string SchoolList()
    {
        var ward = GeoPackageDataset.ReadLayer(_dataset, "wards")!.Features[0].Geometry!.InteriorPoint;
        var (lon, lat) = (ward.X.ToString("R", CultureInfo.InvariantCulture), ward.Y.ToString("R", CultureInfo.InvariantCulture));
        return _dir.Write("truong.csv",
            "Mã trường,Tên trường,Cấp học,Số phòng học,Ghi chú,lon,lat\n"
            + $"T1,Trường TH Một,Tiểu học,12,,{lon},{lat}\n"
            + $"T2,Trường TH Hai,Tiểu học,mười,sai số phòng,{lon},{lat}\n"
            + "T3,Trường THCS Ba,THCS,14,ngoài thành phố,106.2,20.4\n"
            + $"T4,Trường THCS Bốn,THCS,9,,{lon},{lat}\n");
    }

    [Fact]
    public void ValidRowsAreImportedAndRefusedOnesWrittenToCsvWithReasons()
    {
        var rejects = _dir.File("tu_choi.csv");

        var outcome = DatasetImporter.Import(new ImportRequest(SchoolList(), "schools", _dataset) { KeepValid = true, RejectsPath = rejects });

        Assert.True(outcome.Written, string.Join("\n", outcome.Issues.Items.Select(i => i.Render(Language.En))));
        Assert.Equal(2, outcome.Rejected);
        Assert.Equal(["T1", "T4"], GeoPackageDataset.ReadLayer(_dataset, "schools")!.Features.Select(f => (string)f["id"]!));
        Assert.Single(outcome.Issues.Items, i => i.Code == "rows-rejected" && i.Severity == IssueSeverity.Notice);
        var bytes = File.ReadAllBytes(rejects);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Dòng / Row,Mã trường,Tên trường,Cấp học,Số phòng học,Ghi chú,WKT,Lý do,Reason", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2,T2,Trường TH Hai,Tiểu học,mười,sai số phòng,POINT (", lines[1], StringComparison.Ordinal);
        Assert.Contains("classrooms: 'mười' không phải số nguyên", lines[1], StringComparison.Ordinal);
        Assert.Contains("classrooms: 'mười' is not a whole number", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("3,T3,Trường THCS Ba,THCS,14,ngoài thành phố,POINT (106.2 20.4)", lines[2], StringComparison.Ordinal);
        Assert.Contains("[school-outside-wards]", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedRowsCanGoToAnXlsx()
    {
        var rejects = _dir.File("tu_choi.xlsx");

        var outcome = DatasetImporter.Import(new ImportRequest(SchoolList(), "schools", _dataset) { KeepValid = true, RejectsPath = rejects });

        Assert.True(outcome.Written);
        var rows = MiniExcel.Query(rejects, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["T2", "T3"], rows.Select(r => (string)r["Mã trường"]));
        Assert.Contains("[value-not-number]", (string)rows[0]["Reason"], StringComparison.Ordinal);
        Assert.Contains("không phải số nguyên", (string)rows[0]["Lý do"], StringComparison.Ordinal);
    }

    [Fact]
    public void LayerLevelErrorStillRefusesEverything()
    {
        var source = _dir.Write("thieu.csv", "Mã trường,Tên trường,Số phòng học,lon,lat\nT1,Trường TH Một,12,106.7,20.8\n");
        var rejects = _dir.File("tu_choi.csv");

        var issue = ImportAssert.Rejected(new ImportRequest(source, "schools", _dataset) { KeepValid = true, RejectsPath = rejects }, "field-absent");

        Assert.Equal("level", issue.Field);
        Assert.False(File.Exists(rejects));
    }

    [Fact]
    public void WithoutKeepValidOneBadRowStillRefusesTheFile()
    {
        var before = File.ReadAllBytes(_dataset);

        var outcome = DatasetImporter.Import(new ImportRequest(SchoolList(), "schools", _dataset));

        Assert.False(outcome.Written);
        Assert.Equal(2, outcome.Issues.ErrorCount);
        Assert.Equal(before, File.ReadAllBytes(_dataset));
    }
}
