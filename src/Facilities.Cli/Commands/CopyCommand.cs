using System.CommandLine;
using Facilities.Application;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities copy SRC DST</c>: a whole dataset between a GeoPackage and PostGIS, either way, checked by its content hash.</summary>
internal static class CopyCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var source = new Argument<string>("source") { Description = "Bộ dữ liệu nguồn / source dataset (.gpkg or PostgreSQL location)" };
        var target = new Argument<string>("target") { Description = "Bộ dữ liệu đích, bị thay toàn bộ / target dataset, replaced whole (.gpkg or PostgreSQL location)" };
        var cmd = new Command("copy", "Chép cả bộ dữ liệu giữa GeoPackage và PostGIS (hai chiều), kiểm tra bằng mã băm nội dung.\nCopy a whole dataset between GeoPackage and PostGIS, either way, checked by its content hash.")
        {
            source, target,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var from = DatasetLocation.Open(r.GetValue(source)!);
            var to = DatasetLocation.Open(r.GetValue(target)!);
            if (DatasetLocation.Display(from) == DatasetLocation.Display(to))
            {
                throw new ArgumentException(u.T("nguồn và đích là cùng một bộ dữ liệu.", "the source and the target are the same dataset."));
            }

            var (layers, hash) = DatasetCopy.Run(from, to);
            foreach (var (layer, count) in layers)
            {
                u.Out.WriteLine($"  {layer}: {count}");
            }

            u.Out.WriteLine(u.T(
                $"Đã chép {layers.Count} lớp từ {DatasetLocation.Display(from)} sang {DatasetLocation.Display(to)}; mã băm nội dung {hash}.",
                $"Copied {layers.Count} layers from {DatasetLocation.Display(from)} to {DatasetLocation.Display(to)}; content hash {hash}."));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
