using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Facilities.Application;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Storage.Sqlite.GeoPackage;
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
            var location = r.GetValue(dataset)!;
            if (r.GetValue(setTitle) is { } newTitle)
            {
                return DatasetTitleCommand.Set(u, location, newTitle);
            }

            var store = DatasetLocation.Open(location);
            var summaries = StoreSummary.Compute(store);
            var meta = store.Metadata();
            u.Out.WriteLine($"{u.T("Bộ dữ liệu", "Dataset")}: {DatasetLocation.Display(store)}");
            // Once: on a GeoPackage the hash reads every row (about 1 s at a million parcels).
            var hash = store.ContentHash();
            u.Out.WriteLine($"{u.T("Mã băm nội dung", "Content hash")} SHA-256: {hash}");
            if (Facilities.Storage.Sqlite.DatasetTitle.Of(meta) is { } datasetTitle)
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
                table.AddRow(Markup.Escape(s.Table.Name), u.Count(s.Count), s.Table.GeometryType,
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
                        // Counted fields (people, rooms) are integers so their sums stay whole; the real fields are areas.
                        : u.Measure(sum, 1)
                          + (t.WithValue < s.Count ? u.T($" ({u.Count(t.WithValue)}/{u.Count(s.Count)} có giá trị)", $" ({u.Count(t.WithValue)}/{u.Count(s.Count)} with a value)") : "");
                    totals.AddRow(s.Table.Name, t.Field, Markup.Escape(text));
                }

                foreach (var (field, counts) in s.Groups)
                {
                    var text = string.Join(", ", counts.Take(12).Select(c => $"{c.Code}: {u.Count(c.Count)}"));
                    totals.AddRow(s.Table.Name, field, Markup.Escape(text));
                }
            }

            u.OutConsole.Write(totals);
            CliSummary.Write(u, "info", true, null, Totals(DatasetLocation.Display(store), hash, summaries, meta), [], null);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The --json totals: the dataset, its hash and, per layer, count, geometry, CRS, extent and totals.</summary>
    private static JsonObject Totals(string path, string hash, IReadOnlyList<LayerSummary> summaries, IReadOnlyDictionary<string, string> meta)
    {
        var layers = new JsonObject();
        foreach (var s in summaries)
        {
            var e = s.Table.Extent;
            var sums = new JsonObject();
            foreach (var t in s.Sums)
            {
                // A field without any value is "no data" (null), never 0.
                sums[t.Field] = new JsonObject { ["sum"] = t.Sum is double d ? d : null, ["with_value"] = t.WithValue };
            }

            var groups = new JsonObject();
            foreach (var (field, counts) in s.Groups)
            {
                groups[field] = CliResult.Totals(counts.Select(c => (c.Code, (JsonNode?)c.Count)));
            }

            layers[s.Table.Name] = new JsonObject
            {
                ["features"] = s.Count,
                ["geometry"] = s.Table.GeometryType,
                ["crs"] = $"{s.Table.Organization}:{s.Table.OrganizationCode}",
                ["extent"] = e is null ? null : new JsonArray(e.MinX, e.MinY, e.MaxX, e.MaxY),
                ["source"] = meta.GetValueOrDefault($"layer.{s.Table.Name}.source"),
                ["sums"] = sums,
                ["counts"] = groups,
            };
        }

        return new JsonObject { ["dataset"] = path, ["sha256"] = hash, ["layers"] = layers };
    }
}
