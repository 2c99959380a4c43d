using System.CommandLine;
using System.Globalization;
using Facilities.Core.Generation;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities generate --out city.gpkg</c>: the deterministic synthetic city (gis-data/README.md).</summary>
internal static class GenerateCommand
{
    public static Command Create(Func<ParseResult, Ui> ui)
    {
        var output = new Option<FileInfo>("--out") { Description = "Bộ dữ liệu sinh ra / dataset to write (.gpkg)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Hạt giống ngẫu nhiên / random seed", DefaultValueFactory = _ => new SampleCityOptions().Seed };
        var wards = new Option<int>("--wards") { Description = "Số phường/xã / number of wards", DefaultValueFactory = _ => new SampleCityOptions().Wards };
        var parcels = new Option<int>("--parcels") { Description = "Số thửa đất / number of parcels", DefaultValueFactory = _ => new SampleCityOptions().Parcels };
        var cmd = new Command("generate", "Sinh một thành phố mẫu tổng hợp (không phải dữ liệu thật).\nGenerate a synthetic sample city (not real data).")
        {
            output, seed, wards, parcels,
        };
        cmd.SetAction(r =>
        {
            var u = ui(r);
            var options = new SampleCityOptions { Seed = r.GetValue(seed), Wards = r.GetValue(wards), Parcels = r.GetValue(parcels) };
            if (options.Wards is < 2 or > 5000 || options.Parcels is < 0 or > 5_000_000)
            {
                throw new ArgumentException(u.T("--wards phải trong 2..5000 và --parcels trong 0..5000000.", "--wards must be 2..5000 and --parcels 0..5000000."));
            }

            var path = r.GetValue(output)!.FullName;
            u.WithProgress(u.T("Sinh", "Generate"), p =>
            {
                var city = SampleCityGenerator.Generate(options, p);
                var label = string.Create(CultureInfo.InvariantCulture,
                    $"SYNTHETIC sample city: facilities generate --seed {options.Seed} --wards {options.Wards} --parcels {options.Parcels}");
                GeoPackageDataset.ReplaceLayers(path, city.Layers, new Dictionary<string, string> { ["generator"] = label }, progress: p, fresh: true);
                return city;
            });
            u.Out.WriteLine(u.T($"Đã sinh thành phố mẫu vào {path}.", $"Generated the sample city into {path}."));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
