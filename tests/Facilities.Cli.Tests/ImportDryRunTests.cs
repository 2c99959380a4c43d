using System.Text.RegularExpressions;
using Facilities.Testing;

namespace Facilities.Cli.Tests;

/// <summary><c>facilities import --dry-run</c>: the column mapping table first, then the issues; nothing written.</summary>
public sealed class ImportDryRunTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Schools(string owner) => _dir.Write("truong.csv",
        "Mã trường,Tên trường,Cấp học,Số phòng học,Loại hình,Số phòng,Ghi chú,lon,lat\n"
        + "T1,Trường TH Một,Tiểu học,12,Công lập,9,,106.70,20.85\n"
        + $"T2,Trường THCS Hai,THCS,x,{owner},11,mới xây,106.71,20.86\n");

    [Fact]
    public void DryRunPrintsTheMappingTableInVietnameseAndWritesNothing()
    {
        var dataset = _dir.File("d.gpkg");

        var (code, output, _) = CliRunner.Run("import", Schools("Tư thục"), "--layer", "schools", "--into", dataset, "--dry-run");

        Assert.Equal(2, code); // "x" is not a number of classrooms
        Assert.False(File.Exists(dataset));
        Assert.StartsWith("Ánh xạ cột truong.csv → lớp 'schools' (2 dòng):", output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\s+Số phòng học\s+classrooms\s+12\s+0\s+1\r?$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Loại hình\s+ownership\s+public \| private\s+0\s+0\r?$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Số phòng\s+giữ là trường phụ so_phong, gần nhất: classrooms\s+9 \| 11\s+0\s+0\r?$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Ghi chú\s+giữ là trường phụ ghi_chu\s+mới xây\s+1\s+0\r?$", RegexOptions.Multiline), output);
        Assert.Contains("1 lỗi", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRunOfAValidFileExitsZeroInEnglish()
    {
        var dataset = _dir.File("d.gpkg");
        var source = _dir.Write("ok.csv", "Mã trường,Tên trường,Cấp học,Số phòng học,lon,lat\nT1,Trường TH Một,Tiểu học,12,106.70,20.85\n");

        var (code, output, _) = CliRunner.Run("import", source, "--layer", "schools", "--into", dataset, "--dry-run", "--lang", "en");

        Assert.Equal(0, code);
        Assert.False(File.Exists(dataset));
        Assert.Contains("Column mapping ok.csv → layer 'schools' (1 rows):", output, StringComparison.Ordinal);
        Assert.Contains("1 features would be imported into layer 'schools'. Nothing written.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepValidWithoutRejectsIsAUsageError()
    {
        var (code, _, err) = CliRunner.Run("import", Schools("Tư thục"), "--layer", "schools", "--into", _dir.File("d.gpkg"), "--keep-valid", "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("--keep-valid needs --rejects", err, StringComparison.Ordinal);
    }

}
