using System.Globalization;
using System.Text;
using System.Text.Json;
using Facilities.Core.Presentation;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Reports.Results;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;
using MiniExcelLibs;

namespace Facilities.IO.Tests.Results;

/// <summary>
/// Every writer on one small hand-made result: a column of each kind, a null ("no data") and Vietnamese text with
/// diacritics. Each file is read back with another reader (CsvHelper-free text, MiniExcel, GDAL, System.Text.Json).
/// </summary>
public sealed class ResultWritersTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record School(string Name, string Level, long? Rooms, double Area, double? Load, string Opened, bool Public, string Point);

    private static readonly IReadOnlyList<ResultColumn<School>> Columns =
    [
        ResultColumns.Text<School>("school_name", "Tên trường", "School name", s => s.Name),
        ResultColumns.Level<School>(s => s.Level),
        ResultColumns.Integer<School>("classrooms", "Phòng học", "Classrooms", s => s.Rooms, "phòng / rooms"),
        ResultColumns.Number<School>("site_area_m2", "Diện tích (m²)", "Site area (m²)", s => s.Area, "m²"),
        ResultColumns.Ratio<School>("load_ratio", "Tỉ lệ tải", "Load", s => s.Load),
        new("opened", "Ngày thành lập", "Opened", ResultKind.Date, s => s.Opened),
        new("public", "Công lập", "Public", ResultKind.Bool, s => s.Public),
    ];

    private static readonly ResultStamp Stamp = new("facilities test", "test", "hai-phong.gpkg", "ab12", "2025.1", "cd34", "year=2030", []);

    // Two schools; the second did not report its classrooms or its load (null: no data, never 0).
    private static ResultTable Table() => ResultTable.Build("schools_test",
        [
            new School("Trường Tiểu học Đằng Hải", "tieu_hoc", 24, 6250.5, 0.9125, "1998-09-05", true, "POINT (106.7231 20.8412)"),
            new School("Trường Mầm non Hoa Sữa, \"cơ sở 2\"", "mam_non", null, 1800, null, "2015-08-20", false, "POINT (106.6832 20.8601)"),
        ],
        Columns, s => s.Name, s => Wkt.Read(s.Point), Stamp);

    [Fact]
    public void Csv_has_a_byte_order_mark_the_machine_names_as_headers_crlf_records_and_empty_cells_for_no_data()
    {
        var path = _dir.File("r.csv");

        ResultCsvWriter.WriteWithStamp(Table(), path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "school_name,level,classrooms,site_area_m2,load_ratio,opened,public,stamp_id\r\n" +
            $"Trường Tiểu học Đằng Hải,tieu_hoc,24,6250.5,0.9125,1998-09-05,true,{Stamp.Id}\r\n" +
            $"\"Trường Mầm non Hoa Sữa, \"\"cơ sở 2\"\"\",mam_non,,1800,,2015-08-20,false,{Stamp.Id}\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
        using var stamp = JsonDocument.Parse(File.ReadAllText(path + ".stamp.json"));
        Assert.Equal(Stamp.Id, stamp.RootElement.GetProperty("stamp_id").GetString());
        Assert.Equal("year=2030", stamp.RootElement.GetProperty("options").GetString());
    }

    [Fact]
    public void Xlsx_has_vietnamese_headers_number_and_date_cells_labels_for_codes_empty_cells_for_no_data_and_a_stamp_sheet()
    {
        var path = _dir.File("r.xlsx");
        var table = Table();

        ResultWorkbook.Save(new Dictionary<string, object> { ["Trường"] = ResultWorkbook.Sheet(table), ["Dấu kiểm"] = ResultWorkbook.StampSheet(table.Stamp) }, path);

        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Trường").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Tên trường", "Cấp học", "Phòng học", "Diện tích (m²)", "Tỉ lệ tải", "Ngày thành lập", "Công lập"], rows[0].Keys);
        Assert.Equal("Trường Tiểu học Đằng Hải", rows[0]["Tên trường"]);
        Assert.Equal(Labels.Level.Vi("tieu_hoc"), rows[0]["Cấp học"]);
        Assert.Equal(24d, Convert.ToDouble(rows[0]["Phòng học"], CultureInfo.InvariantCulture));
        Assert.Equal(6250.5, Convert.ToDouble(rows[0]["Diện tích (m²)"], CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(1998, 9, 5), Assert.IsType<DateTime>(rows[0]["Ngày thành lập"]));
        Assert.True(rows[1]["Phòng học"] is null or "");
        Assert.True(rows[1]["Tỉ lệ tải"] is null or "");
        var stamp = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Dấu kiểm").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(("stamp_id", Stamp.Id), ((string)stamp[0]["Mục"]!, (string)stamp[0]["Giá trị"]!));
        Assert.Contains(stamp, r => (string)r["Mục"]! == "dataset_sha256" && (string)r["Giá trị"]! == "ab12");
    }

    [Fact]
    public void GeoPackage_fields_are_typed_by_kind_no_data_is_null_and_gdal_validates_the_file()
    {
        var path = _dir.File("r.gpkg");

        StyledGeoPackage.Write(path, [ResultLayers.Build(Table())], ResultLayers.Metadata(Stamp), []);

        GeoPackageValidator.AssertValid(path);
        var info = ReferenceTools.Run("ogrinfo", $"-al -ro \"{path}\"");
        Assert.Contains("school_name: String", info, StringComparison.Ordinal);
        Assert.Contains("classrooms: Integer64", info, StringComparison.Ordinal);
        Assert.Contains("site_area_m2: Real", info, StringComparison.Ordinal);
        Assert.Contains("load_ratio: Real", info, StringComparison.Ordinal);
        Assert.Contains("public: Integer64", info, StringComparison.Ordinal);
        Assert.Contains("school_name (String) = Trường Mầm non Hoa Sữa, \"cơ sở 2\"", info, StringComparison.Ordinal);
        Assert.Contains("classrooms (Integer64) = (null)", info, StringComparison.Ordinal);
        Assert.Contains("load_ratio (Real) = (null)", info, StringComparison.Ordinal);
        Assert.Contains("opened (String) = 1998-09-05", info, StringComparison.Ordinal);
        var layer = GeoPackageDataset.ReadLayer(path, "schools_test")!;
        Assert.Equal([24L, null], layer.Features.Select(f => f["classrooms"]));
        Assert.Equal([1L, 0L], layer.Features.Select(f => f["public"]));
        Assert.Equal(Stamp.Id, GeoPackageDataset.Metadata(path)["result.stamp_id"]);
    }

    [Fact]
    public void GeoJson_properties_are_the_csv_columns_with_json_types_and_null_for_no_data()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            ResultGeoJson.Collection(w, Table(), r => r.Key);
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        var root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(Stamp.Id, root.GetProperty("stamp").GetProperty("stamp_id").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var first = features[0].GetProperty("properties");
        Assert.Equal(["school_name", "level", "classrooms", "site_area_m2", "load_ratio", "opened", "public", "stamp_id"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Trường Tiểu học Đằng Hải", first.GetProperty("school_name").GetString());
        Assert.Equal(24, first.GetProperty("classrooms").GetInt64());
        Assert.Equal(0.9125, first.GetProperty("load_ratio").GetDouble());
        Assert.True(first.GetProperty("public").GetBoolean());
        var second = features[1].GetProperty("properties");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("classrooms").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("load_ratio").ValueKind);
        Assert.Equal(1800, second.GetProperty("site_area_m2").GetDouble());
        Assert.Equal("Point", features[1].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([106.6832, 20.8601], features[1].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
    }
}
