using System.CommandLine;
using System.Globalization;
using Facilities.Core.Deficit;
using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.Core.Schema;
using Facilities.IO;
using Facilities.IO.Readers;
using Facilities.IO.Results;
using Facilities.IO.Store;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities deficit &lt;dataset&gt; --year y --out file</c>: classroom deficit per ward and level.</summary>
internal static class DeficitCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = new Argument<FileInfo>("dataset") { Description = "Bộ dữ liệu / dataset (.gpkg)" };
        var year = new Option<int>("--year") { Description = "Năm mục tiêu / target year", Required = true };
        var level = new Option<string?>("--level") { Description = "Cấp học / level: mam_non | tieu_hoc | thcs | thpt (mặc định: cả bốn / all four)" };
        level.AcceptOnlyFromAmong([.. DatasetSchema.Levels]);
        var method = new Option<string>("--method") { Description = "admin (theo xã/phường, chính thức) | catchment (E2SFCA)", DefaultValueFactory = _ => "admin" };
        method.AcceptOnlyFromAmong("admin");
        var norms = new Option<FileInfo?>("--norms") { Description = "Tệp định mức của tỉnh / province norms file (JSON, overrides the built-in national defaults)" };
        var twoSessions = new Option<bool>("--two-sessions") { Description = "Học 2 buổi/ngày: 1 phòng/lớp ở mọi cấp (CV 4555/BGDĐT-GDPT) / one room per class at every level" };
        var publicOnly = new Option<bool>("--public-only") { Description = "Chỉ tính phòng học trường công lập / count public schools' rooms only" };
        var output = new Option<FileInfo>("--out") { Description = "Tệp kết quả / output: .csv (+ .stamp.json), .xlsx, .gpkg", Required = true };
        var cmd = new Command("deficit", "Thiếu phòng học theo xã/phường và cấp học, hiện tại và năm mục tiêu.\nClassroom deficit per ward and level, now and in a target year.")
        {
            dataset, year, level, method, norms, twoSessions, publicOnly, output,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!.FullName;
            var outPath = r.GetValue(output)!.FullName;
            var ext = Path.GetExtension(outPath).ToLowerInvariant();
            if (ext is not (".csv" or ".xlsx" or ".gpkg"))
            {
                throw new ArgumentException(u.T($"định dạng '{ext}' không hỗ trợ; dùng .csv, .xlsx hoặc .gpkg.", $"output format '{ext}' is not supported; use .csv, .xlsx or .gpkg."));
            }

            var normSet = LoadNorms(r.GetValue(norms));
            var options = new DeficitOptions(r.GetValue(year))
            {
                Levels = r.GetValue(level) is { } l ? [l] : DatasetSchema.Levels,
                TwoSessions = r.GetValue(twoSessions),
                PublicOnly = r.GetValue(publicOnly),
                Method = r.GetValue(method)!,
            };
            var city = DatasetLoader.LoadCity(path, normSet);
            var result = AdminDeficitCalculator.Compute(city, normSet, options);
            var stamp = new ResultStamp($"facilities {typeof(DeficitCommand).Assembly.GetName().Version?.ToString(3)}", "deficit",
                Path.GetFileName(path), GeoPackageDataset.Hash(path), normSet.Version, normSet.Sha256, options.Describe(),
                [.. result.UnconfirmedNormsUsed().Select(n => n.Key)]);
            switch (ext)
            {
                case ".csv":
                    DeficitCsvWriter.Write(result, stamp, outPath);
                    break;
                case ".xlsx":
                    DeficitXlsxWriter.Write(result, stamp, outPath);
                    break;
                default:
                    DeficitGeoPackageWriter.Write(result, stamp, GeoPackageDataset.ReadLayer(path, "wards")!, outPath);
                    break;
            }

            PrintTotals(u, result);
            if (stamp.UnconfirmedNorms.Count > 0)
            {
                u.Err.WriteLine(u.T(
                    $"lưu ý: kết quả dùng định mức CHƯA XÁC NHẬN (mặc định, có thể thay bằng --norms): {string.Join(", ", stamp.UnconfirmedNorms)}",
                    $"note: the result uses UNCONFIRMED norms (defaults, replace with --norms): {string.Join(", ", stamp.UnconfirmedNorms)}"));
            }

            u.Out.WriteLine(u.T($"Đã ghi {outPath} (dấu kiểm {stamp.Id}).", $"Wrote {outPath} (stamp {stamp.Id})."));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static NormsSet LoadNorms(FileInfo? file)
    {
        if (file is null)
        {
            return NormsSet.BuiltIn;
        }

        var text = TextFileCheck.ReadUtf8(file.FullName, null);
        try
        {
            return NormsSet.BuiltIn.With(NormsSet.Parse(text, file.Name));
        }
        catch (FormatException e)
        {
            throw new DataFileException("norms-invalid", file.Name, null, e.Message, e.Message, e);
        }
    }

    private static void PrintTotals(Ui u, DeficitResult result)
    {
        var t = new Table().Border(TableBorder.Ascii2)
            .AddColumn(u.T("Cấp học", "Level"))
            .AddColumn(new TableColumn(u.T("Học sinh", "Pupils")).RightAligned())
            .AddColumn(new TableColumn(u.T("Lớp cần", "Classes")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phòng cần", "Rooms needed")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phòng có", "Available")).RightAligned())
            .AddColumn(new TableColumn(u.T("Phải xây", "To build")).RightAligned())
            .AddColumn(new TableColumn(u.T("Xã/phường thiếu", "Wards short")).RightAligned())
            .AddColumn(new TableColumn(u.T("Thiếu P. bộ môn", "Subject rooms short")).RightAligned());
        foreach (var x in result.TotalsByLevel().Append(result.CityTotal()))
        {
            t.AddRow(x.Level == "all" ? u.T("Toàn thành phố", "City") : DeficitColumns.LevelVi(x.Level), N(x.Pupils), N(x.ClassesNeeded), N(x.RoomsNeeded),
                N(x.RoomsAvailable), N(x.Shortage), N(x.WardsShort), N(x.SubjectRoomsDeficit));
        }

        u.Out.WriteLine(u.T($"Thiếu phòng học năm {result.Options.Year} ({result.Options.Method}):", $"Classroom deficit in {result.Options.Year} ({result.Options.Method}):"));
        u.OutConsole.Write(t);
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
