using Facilities.Core.Features;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Core.Spatial;
using Facilities.Formats.Writers;
using Facilities.Reports.Results;
using Facilities.Testing;

namespace Facilities.IO.Tests.Results;

public sealed class FormulaInjectionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record Row(string Name, int Deficit);

    private static readonly IReadOnlyList<ResultColumn<Row>> Columns =
    [
        ResultColumns.Text<Row>("name", "Tên", "Name", r => r.Name),
        ResultColumns.Integer<Row>("deficit_rooms", "Thiếu", "Short", r => r.Deficit),
    ];

    private static readonly ResultStamp Stamp = new("facilities test", "test", "t.gpkg", "00", "1", "00", "", []);

    private static void Write(IEnumerable<Row> rows, string path) => ResultCsvWriter.Write(ResultTable.Build("t", rows, Columns, r => r.Name, _ => null, Stamp), path);

    [Fact]
    public void NamesThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe()
    {
        Row[] rows =
        [
            new("=HYPERLINK(\"http://x\",\"Trường MN\")", 1),
            new("+84 Trường TH", 2),
            new("-Trường THCS", 3),
            new("@SUM(A1:A9)", 4),
            new("\tTrường THPT", 5),
            new("Trường MN Hoa Sen", 6),
        ];
        var path = _dir.File("r.csv");

        Write(rows, path);

        var lines = File.ReadAllLines(path);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"Trường MN\"\")\",1," + Stamp.Id, lines[1]);
        Assert.Equal("'+84 Trường TH,2," + Stamp.Id, lines[2]);
        Assert.Equal("'-Trường THCS,3," + Stamp.Id, lines[3]);
        Assert.Equal("'@SUM(A1:A9),4," + Stamp.Id, lines[4]);
        Assert.Equal("'\tTrường THPT,5," + Stamp.Id, lines[5]);
        Assert.Equal("Trường MN Hoa Sen,6," + Stamp.Id, lines[6]);
    }

    [Fact]
    public void NegativeNumbersAreNotTouched()
    {
        var path = _dir.File("n.csv");

        Write([new Row("Hải An", -3)], path);

        Assert.Equal("Hải An,-3," + Stamp.Id, File.ReadAllLines(path)[1]);
    }

    private static FeatureLayer OneSchool(string name) => new(
        "schools", CrsRegistry.Get(CrsRegistry.Wgs84Srid), [new FieldInfo("name", FieldType.Text), new FieldInfo("classrooms", FieldType.Integer)],
        [new FeatureRecord(1, Wkt.Read("POINT (106.68 20.86)"), new Dictionary<string, object?> { ["name"] = name, ["classrooms"] = -1L })]);

    [Fact]
    public void LayerExportNeutralisesFormulasByDefaultAndKeepsThemVerbatimWhenRaw()
    {
        var safe = _dir.File("safe.csv");
        var raw = _dir.File("raw.csv");

        CsvLayerWriter.Write(OneSchool("=1+1"), safe);
        CsvLayerWriter.Write(OneSchool("=1+1"), raw, raw: true);

        Assert.StartsWith("'=1+1,-1,", File.ReadAllLines(safe)[1], StringComparison.Ordinal);
        Assert.StartsWith("=1+1,-1,", File.ReadAllLines(raw)[1], StringComparison.Ordinal);
    }
}
