using System.Globalization;
using Facilities.Testing;
using MiniExcelLibs;
using Microsoft.Data.Sqlite;

namespace Facilities.Cli.Tests;

/// <summary><c>cases --calendar</c>, <c>cases chain</c>, <c>cases advance --procedure</c> and <c>cases report --period</c>.</summary>
public sealed class CasesChainCommandTests : IDisposable
{
    private const string Site1 = "99001-mam_non-2";
    private readonly TempDir _dir = new();
    private readonly string _dataset;

    public CasesChainCommandTests()
    {
        _dataset = _dir.File("d.gpkg");
        Assert.Equal(0, CliRunner.Run("generate", "--out", _dataset, "--parcels", "0", "--wards", "3").Code);
        Assert.Equal(0, CliRunner.Run("cases", "users", "add", "admin", "--role", "city_department", "--new-password", "admin-pw-1", "--dataset", _dataset).Code);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void A_calendar_file_with_a_swapped_day_moves_the_due_date_shown_by_cases_show()
    {
        // Received Fri 27/2/2026: 20 working days end on Fri 27/3; with Monday 2/3 swapped off (made up on Saturday 4/4,
        // after the due date) they end on Monday 30/3.
        var calendar = _dir.File("lich-2026.json");
        File.WriteAllText(calendar, """
            {
              "version": "lich-2026",
              "calendar": {
                "adjustments": {
                  "2026-03-02": { "day_off": true, "vi": "Nghỉ hoán đổi", "en": "Swap day off", "status": "confirmed", "source": "test notice" },
                  "2026-04-04": { "day_off": false, "vi": "Làm bù", "en": "Make-up day", "status": "confirmed", "source": "test notice" }
                }
              }
            }
            """);
        Assert.Equal(0, AsAdmin("advance", Site1, "--to", "received", "--at", "2026-02-27T09:00+07:00").Code);

        var (code, output, err) = AsAdmin("show", Site1, "--as-of", "2026-03-02");
        Assert.True(code == 0, err);
        Assert.Contains("hạn: 27/03/2026", output, StringComparison.Ordinal);

        (code, output, err) = AsAdmin("show", Site1, "--as-of", "2026-03-02", "--calendar", calendar);
        Assert.True(code == 0, err);
        Assert.Contains("hạn: 30/03/2026", output, StringComparison.Ordinal);

        File.WriteAllText(calendar, """{ "adjustments": { "2026-03-02": { "day_off": "maybe" } } }""");
        (code, _, err) = AsAdmin("show", Site1, "--calendar", calendar);
        Assert.NotEqual(0, code);
        Assert.Contains("lich-2026.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_permit_waits_for_the_land_and_the_periodic_report_is_written_as_xlsx_and_html()
    {
        var (code, _, err) = AsAdmin("advance", Site1, "--procedure", "building_permit", "--to", "received", "--at", "2026-02-02T09:00+07:00");
        Assert.Equal(2, code);
        Assert.Contains("chỉ bắt đầu khi đã xong", err, StringComparison.Ordinal);
        Assert.Equal(0, AsAdmin("advance", Site1, "--procedure", "land_allocation", "--to", "received", "--at", "2026-02-02T09:00+07:00").Code);
        Assert.Equal(0, AsAdmin("advance", Site1, "--to", "received", "--at", "2026-03-02T09:00+07:00").Code);

        (code, var output, err) = AsAdmin("chain", Site1, "--as-of", "2026-03-02", "--lang", "en");
        Assert.True(code == 0, err);
        Assert.Contains("Critical path: land_allocation → building_permit", output, StringComparison.Ordinal);

        var xlsx = _dir.File("bao-cao.xlsx");
        (code, output, err) = AsAdmin("report", "--period", "2026-Q1", "--out", xlsx, "--as-of", "2026-12-01");
        Assert.True(code == 0, err);
        Assert.Equal(["Tóm tắt", "Theo xã", "Theo bước", "Cơ quan", "Hồ sơ quá hạn", "Dấu kết quả"], MiniExcel.GetSheetNames(xlsx));
        var communes = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Theo xã").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("TỔNG (toàn thành phố)", communes[^1]["Xã/phường"]);
        Assert.Equal(1.0, Convert.ToDouble(communes[^1]["Giao đất, cho thuê đất cho tổ chức (không đấu giá) – bắt đầu"], CultureInfo.InvariantCulture));
        Assert.Equal(1.0, Convert.ToDouble(communes[^1]["Đăng ký đất đai, cấp GCN lần đầu cho tổ chức đang sử dụng đất (1.012753) – bắt đầu"], CultureInfo.InvariantCulture));
        var overdue = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Hồ sơ quá hạn").Cast<IDictionary<string, object>>().ToList();
        var land = Assert.Single(overdue, r => (string)r["Mã trường"] == Site1 && ((string)r["Thủ tục"]).StartsWith("Giao đất", StringComparison.Ordinal));
        Assert.IsType<DateTime>(land["Ngày nhận"]);
        Assert.Equal(new DateTime(2026, 2, 2), land["Ngày nhận"]);
        Assert.Equal("Trung tâm Phục vụ hành chính công thành phố", land["Cơ quan phụ trách"]);
        Assert.Contains("Wrote", AsAdmin("report", "--period", "2026-Q1", "--out", xlsx, "--lang", "en").Out, StringComparison.Ordinal);

        var html = _dir.File("bao-cao.html");
        Assert.Equal(0, AsAdmin("report", "--period", "2026-03", "--out", html, "--as-of", "2026-12-01").Code);
        var page = File.ReadAllText(html);
        Assert.Contains("<h2>Hồ sơ quá hạn / Overdue cases</h2>", page, StringComparison.Ordinal);
        Assert.Contains("stamp_id", page, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", page, StringComparison.Ordinal);

        Assert.Equal(1, AsAdmin("report", "--period", "2026-13", "--out", xlsx).Code);
    }

    private (int Code, string Out, string Err) AsAdmin(params string[] args) =>
        CliRunner.Run(["cases", .. args, "--dataset", _dataset, "--user", "admin", "--password", "admin-pw-1"]);
}
