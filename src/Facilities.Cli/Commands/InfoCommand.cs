using System.CommandLine;
using System.Globalization;
using Facilities.IO.Store;
using Spectre.Console;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities info &lt;dataset&gt;</c>: layers, counts, CRS, extent and totals.</summary>
internal static class InfoCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var dataset = CliOptions.Dataset();
        var setTitle = new Option<string?>("--set-title") { Description = "Đặt tiêu đề bộ dữ liệu (bản đồ, báo cáo) / set the dataset's title (maps, reports)" };
        var cmd = new Command("info", "Tóm tắt bộ dữ liệu: các lớp, số đối tượng, hệ toạ độ, phạm vi, tổng số.\nSummarise a dataset: layers, counts, CRS, extent and totals.")
        {
            dataset, setTitle,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var path = r.GetValue(dataset)!.FullName;
            if (r.GetValue(setTitle) is { } newTitle)
            {
                return DatasetTitleCommand.Set(u, path, newTitle);
            }

            var summaries = DatasetSummary.Compute(path);
            var meta = GeoPackageDataset.Metadata(path);
            u.Out.WriteLine($"{u.T("Bộ dữ liệu", "Dataset")}: {path}");
            u.Out.WriteLine($"SHA-256: {GeoPackageDataset.Hash(path)}");
            if (Facilities.IO.DatasetTitle.Of(meta) is { } datasetTitle)
            {
                u.Out.WriteLine($"{u.T("Tiêu đề", "Title")}: {datasetTitle}");
            }

            if (meta.TryGetValue("generator", out var generator))
            {
                u.Out.WriteLine($"{u.T("Nguồn", "Source")}: {generator}");
            }

            var table = new Table().Border(TableBorder.Ascii2)
                .AddColumn(u.T("Lớp", "Layer"))
                .AddColumn(new TableColumn(u.T("Số đối tượng", "Features")).RightAligned())
                .AddColumn(u.T("Hình học", "Geometry"))
                .AddColumn("CRS")
                .AddColumn(u.T("Phạm vi (kinh độ, vĩ độ)", "Extent (lon, lat)"))
                .AddColumn(u.T("Nguồn nhập", "Imported from"));
            foreach (var s in summaries)
            {
                var e = s.Table.Extent;
                var extent = e is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{e.MinX:0.####} {e.MinY:0.####} – {e.MaxX:0.####} {e.MaxY:0.####}");
                var source = meta.TryGetValue($"layer.{s.Table.Name}.source", out var src)
                    ? $"{src} ({meta.GetValueOrDefault($"layer.{s.Table.Name}.source_crs", "?")})"
                    : "-";
                table.AddRow(Markup.Escape(s.Table.Name), s.Count.ToString("N0", CultureInfo.InvariantCulture), s.Table.GeometryType,
                    $"{s.Table.Organization}:{s.Table.OrganizationCode}", extent, Markup.Escape(source));
            }

            u.OutConsole.Write(table);
            var totals = new Table().Border(TableBorder.Ascii2)
                .AddColumn(u.T("Lớp", "Layer")).AddColumn(u.T("Trường", "Field")).AddColumn(new TableColumn(u.T("Tổng", "Total")).RightAligned());
            foreach (var s in summaries)
            {
                foreach (var t in s.Sums)
                {
                    var text = t.Sum is not double sum
                        ? u.T("không có dữ liệu", "no data")
                        : sum.ToString(sum == Math.Floor(sum) ? "N0" : "N1", CultureInfo.InvariantCulture)
                          + (t.WithValue < s.Count ? u.T($" ({t.WithValue}/{s.Count} có giá trị)", $" ({t.WithValue}/{s.Count} with a value)") : "");
                    totals.AddRow(s.Table.Name, t.Field, Markup.Escape(text));
                }

                foreach (var (field, counts) in s.Groups)
                {
                    var text = string.Join(", ", counts.Take(12).Select(c => $"{c.Code}: {c.Count.ToString("N0", CultureInfo.InvariantCulture)}"));
                    totals.AddRow(s.Table.Name, field, Markup.Escape(text));
                }
            }

            u.OutConsole.Write(totals);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
