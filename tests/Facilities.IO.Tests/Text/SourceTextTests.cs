using System.Text;
using Facilities.Core.Validation;
using Facilities.Formats;
using Facilities.Formats.Text;
using Facilities.Testing;

namespace Facilities.IO.Tests.Text;

/// <summary>CSV text in the encodings Vietnamese offices save it in decodes to Unicode NFC, saying which encoding.</summary>
public sealed class SourceTextTests : IDisposable
{
    // TCVN3 bytes of "Trường Tiểu học Lê Lợi" / "Phường Hải An" as glibc iconv (TCVN5712-1) encodes them.
    private const string Tcvn3School = "5472adea6e67205469d3752068e463204caa204cee69";
    private const string Tcvn3Ward = "5068adea6e672048b66920416e";

    // VNI bytes of the same words, from the vietnamese-conversion package's published table.
    private const string VniSchool = "5472f6f4f86e6720546965e57520686fef63204c65e2204cf4ef69";
    private const string VniWard = "5068f6f4f86e67204861fb6920416e";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ExcelCsvFromAVietnameseWindowsIsReadAsWindows1258()
    {
        var csv = "ma_truong;ten_truong;phuong;kinh_do;vi_do\r\nS1;Trường Tiểu học Lê Lợi;Phường Hải An;106,731768;20,842103\r\n" +
                  "S2;Trường THCS Đằng Hải;Phường Đằng Hải;106,7401;20,8312\r\n";
        var bytes = AgencyText.Windows1258(csv);
        // The same bytes GDAL/iconv write for "Trường" in CP1258: ư = FD, ơ = F5, then the grave tone byte CC.
        Assert.True(bytes.AsSpan().IndexOf(Convert.FromHexString("5472fdf5cc6e67")) > 0);
        var path = Write("truong.csv", bytes);
        var issues = new IssueList("truong.csv", "schools");

        var decoded = SourceText.Read(path, "schools", null, issues);

        Assert.Equal(csv, decoded.Text);
        Assert.Equal("windows-1258", decoded.Encoding);
        var notice = Assert.Single(issues.Items);
        Assert.Equal(IssueSeverity.Notice, notice.Severity);
        Assert.Contains("Windows-1258", notice.Message.Vi, StringComparison.Ordinal);
        Assert.Contains("đã nhận bảng mã", notice.Message.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Tcvn3School, Tcvn3Ward, "tcvn3", "TCVN3")]
    [InlineData(VniSchool, VniWard, "vni", "VNI")]
    public void LegacyFontCsvIsConvertedToUnicodeWithAWarning(string school, string ward, string encoding, string label)
    {
        var bytes = Csv(Convert.FromHexString(school), Convert.FromHexString(ward));
        var issues = new IssueList("truong.csv", "schools");

        var decoded = SourceText.Read(Write("truong.csv", bytes), "schools", null, issues);

        Assert.Equal("ma;ten;phuong\r\nS1;Trường Tiểu học Lê Lợi;Phường Hải An\r\n", decoded.Text);
        Assert.Equal(encoding, decoded.Encoding);
        var warning = Assert.Single(issues.Items);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Contains(label, warning.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8CsvIsReadWithoutAWordAboutEncodings()
    {
        var csv = "ma;ten;phuong\nS1;Trường Tiểu học Lê Lợi;Phường Hải An\n";
        var issues = new IssueList("truong.csv", "schools");

        var decoded = SourceText.Read(Write("truong.csv", Encoding.UTF8.GetBytes(csv)), "schools", null, issues);

        Assert.Equal(csv, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Empty(issues.Items);
    }

    [Fact]
    public void Utf8WithBomAndDecomposedTonesComesOutComposed()
    {
        var csv = "ten\nTrường Tiểu học Lê Lợi\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.Normalize(NormalizationForm.FormD))).ToArray();

        var decoded = SourceText.Read(Write("t.csv", bytes), "schools", null, new IssueList("t.csv", "schools"));

        Assert.Equal(csv, decoded.Text);
    }

    [Fact]
    public void VniMojibakeSavedAsUtf8IsRecognisedAndConverted()
    {
        // A VNI file opened as Windows-1252 and saved again as UTF-8 holds "Tröôøng Tieåu hoïc…" as real characters.
        var mojibake = AgencyText.As1252(Convert.FromHexString(VniSchool));
        var issues = new IssueList("t.csv", "schools");

        var decoded = SourceText.Read(Write("t.csv", Encoding.UTF8.GetBytes($"ten\n{mojibake}\n")), "schools", null, issues);

        Assert.Equal("ten\nTrường Tiểu học Lê Lợi\n", decoded.Text);
        Assert.Equal("vni", decoded.Encoding);
        Assert.Equal(IssueSeverity.Warning, Assert.Single(issues.Items).Severity);
    }

    [Fact]
    public void FrenchNamesInWindows1252AreNotTakenForVni()
    {
        var csv = "nom;ville\nÉcole Sainte-Thérèse;Hôtel-Dieu\nLycée François Mauriac;Crème brûlée à Noël\n";
        var path = Write("ecoles.csv", AgencyText.Windows1252(csv));

        var e = Assert.Throws<DataFileException>(() => SourceText.Read(path, "schools", null, new IssueList("ecoles.csv", "schools")));

        Assert.Equal("file-not-utf8", e.Issue.Code);
        Assert.Contains("line 2", e.Issue.Message.En, StringComparison.Ordinal);
        Assert.Contains("VNI-Windows", e.Issue.Message.En, StringComparison.Ordinal);
        Assert.Contains("--encoding", e.Issue.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void FrenchNamesInUtf8StayAsTheyAre()
    {
        var csv = "nom;ville\nÉcole Sainte-Thérèse;Hôtel-Dieu\nLycée François Mauriac;Crème brûlée à Noël\n";
        var issues = new IssueList("ecoles.csv", "schools");

        var decoded = SourceText.Read(Write("ecoles.csv", Encoding.UTF8.GetBytes(csv)), "schools", null, issues);

        Assert.Equal(csv, decoded.Text);
        Assert.Empty(issues.Items);
    }

    [Theory]
    [InlineData("cp1252", "Ecole Thérèse")]
    [InlineData("1252", "Ecole Thérèse")]
    public void EncodingOverrideReadsTheFileAsGiven(string value, string expected)
    {
        var issues = new IssueList("e.csv", "schools");

        var decoded = SourceText.Read(Write("e.csv", AgencyText.Windows1252(expected)), "schools", value, issues);

        Assert.Equal(expected, decoded.Text);
        Assert.False(decoded.Detected);
        Assert.Equal(IssueSeverity.Notice, Assert.Single(issues.Items).Severity);
    }

    [Fact]
    public void TcvnOverrideConvertsEvenAShortName()
    {
        var decoded = SourceText.Read(Write("e.csv", Convert.FromHexString(Tcvn3Ward)), "wards", "abc", new IssueList("e.csv", "wards"));

        Assert.Equal("Phường Hải An", decoded.Text);
        Assert.Equal("tcvn3", decoded.Encoding);
    }

    [Fact]
    public void UnknownEncodingOverrideIsAClearError()
    {
        var path = Write("e.csv", Encoding.UTF8.GetBytes("a\n1\n"));

        var e = Assert.Throws<DataFileException>(() => SourceText.Read(path, "schools", "klingon", new IssueList("e.csv", "schools")));

        Assert.Equal("encoding-unknown", e.Issue.Code);
        Assert.Contains("'klingon'", e.Issue.Message.En, StringComparison.Ordinal);
        Assert.Contains("tcvn3", e.Issue.Message.Vi, StringComparison.Ordinal);
    }

    private static byte[] Csv(byte[] school, byte[] ward) =>
        [.. Encoding.ASCII.GetBytes("ma;ten;phuong\r\nS1;"), .. school, (byte)';', .. ward, (byte)'\r', (byte)'\n'];

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
