using System.Diagnostics;
using System.Globalization;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Benchmarks;

/// <summary>
/// Parcel screening (issue 4): the in-memory engine on a generated city's parcels, and the streaming path the
/// `sites` command takes from a GeoPackage. docs/performance.md.
/// </summary>
/// <remarks>
///   dotnet run -c Release --project tests/Facilities.Benchmarks -- --screening [--parcels 1000000] [--km 126]
///       [--wards 120] [--level tieu_hoc] [--year 2030] [--runs 5] [--warmup 1] [--save city.gpkg] [--no-merge]
///       [--pg connection] [--sql-runs 3] [--sql-warmup 1]
///       (with --pg or FACILITIES_TEST_PG, the same screening also runs as PostGIS SQL: ScreeningSqlBenchmark)
///   dotnet run -c Release --project tests/Facilities.Benchmarks -- --screening --dataset city.gpkg [--level l] [--no-merge] [--stream-runs 1]
///       [--held] [--pg connection] (--held: the file's parcels also held in memory and screened there; --pg: and in PostGIS)
///   --dgd-only (any form): education land only (no convertible codes), the rules of issue 15's side-by-side table;
///   --save-only with --save: write the generated city and stop (for 3,000,000 parcels, without holding them)
///   dotnet run -c Release --project tests/Facilities.Benchmarks -- --screening --projection
///       (WGS 84 → UTM 48N per coordinate: ProjNET against UtmProjection)
///   dotnet run -c Release --project tests/Facilities.Benchmarks -- --screening --dataset city.gpkg --read
///       (reading the parcel rows alone, then with every geometry decoded and reprojected)
/// The default extent gives parcel cells of about 100 m, so large parcels reach school-site size.
/// </remarks>
public static class ScreeningBenchmark
{
    /// <summary>Runs the benchmark; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => int.Parse(Arg(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var options = new ScreeningOptions(Arg("--level") ?? "tieu_hoc", Int("--year", 2030))
        {
            MergeAdjacent = !args.Contains("--no-merge"),
            // --dgd-only: education land only, as the side-by-side comparison of issue 15 sets the rules for every engine.
            ConvertibleLandUses = args.Contains("--dgd-only") ? [] : null,
        };
        var norms = NormsSet.BuiltIn;
        Console.WriteLine("# Parcel screening benchmark");
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        if (args.Contains("--projection"))
        {
            Projection();
            return 0;
        }

        Console.WriteLine($"options: {options.Describe()}");
        var watch = Stopwatch.StartNew();
        if (Arg("--dataset") is { } dataset)
        {
            // The `sites` command's path: city without parcels, then the parcels streamed from the file.
            var city = DatasetLoader.LoadCity(dataset, norms);
            if (args.Contains("--read-rows"))
            {
                RowReadBenchmark.Run(dataset);
                return 0;
            }

            if (args.Contains("--read"))
            {
                // Where the streamed path's time goes: the rows alone, then the rows with every geometry decoded and
                // reprojected, on the calling thread.
                watch.Restart();
                var rows = DatasetLoader.StreamParcels(dataset, city.MetricCrs).Count();
                Console.WriteLine($"read {rows:N0} rows, no geometry: {watch.Elapsed.TotalSeconds:0.00} s");
                watch.Restart();
                var points = DatasetLoader.StreamParcels(dataset, city.MetricCrs).Sum(p => p.Geometry.NumPoints);
                Console.WriteLine($"read {rows:N0} rows, decoding and reprojecting every geometry ({points:N0} points): {watch.Elapsed.TotalSeconds:0.00} s");
                return 0;
            }

            Console.WriteLine($"city model from {Path.GetFileName(dataset)}: {city.Wards.Count} wards, {city.Schools.Count} schools: {watch.Elapsed.TotalSeconds:0.00} s");
            watch.Restart();
            var screener = new ParcelScreener(city, norms, options);
            Console.WriteLine($"screener (deficit, catchment, indexes): {watch.Elapsed.TotalSeconds:0.00} s");
            // Interleaved, so both see the same load: every row read and handed to the screener (before), and the rows
            // rejected on their attributes left unread (after, what the sites command does).
            string? reference = null;
            for (var run = 0; run < Int("--stream-runs", 1); run++)
            {
                foreach (var filtered in new[] { false, true })
                {
                    // CPU time as well as wall time: on a shared 2-core machine the wall time follows the other processes' load.
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    watch.Restart();
                    var filter = filtered ? screener.CreateAttributeFilter() : null;
                    var streamed = screener.Screen(DatasetLoader.StreamParcels(dataset, city.MetricCrs, filter), filter);
                    var elapsed = watch.Elapsed.TotalSeconds;
                    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    var summary = Describe(streamed) + "; " + string.Join(",", streamed.Candidates.Select(c => $"{c.Id}:{c.Score}"));
                    reference ??= summary;
                    Console.WriteLine($"streamed read + screening, {(filtered ? "attribute filter" : "every row")}: {elapsed:0.00} s wall, {cpuSeconds:0.00} s CPU; " +
                        $"{Describe(streamed)}{(filter is null ? "" : $"; rows left unread {filter.RejectedOnArea + filter.RejectedOnLandUse:N0}")}; same result as the first run: {(summary == reference ? "yes" : "NO")}");
                }
            }

            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB");
            var pgForFile = Arg("--pg");
            if (pgForFile is null && !args.Contains("--held"))
            {
                return 0;
            }

            // The same file against PostGIS: every parcel decoded into memory, the in-memory engine timed on them, then the SQL.
            watch.Restart();
            var held = DatasetLoader.StreamParcels(dataset, city.MetricCrs).ToList();
            var vertices = held.Sum(p => p.Geometry.NumPoints);
            Console.WriteLine($"read and decoded {held.Count:N0} parcels ({vertices:N0} points) into memory: {watch.Elapsed.TotalSeconds:0.0} s");
            ScreeningResult? inMemoryResult = null;
            var heldCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var inMemoryFigures = await Timing.MeasureAsync(() =>
            {
                inMemoryResult = screener.Screen(held);
                return Task.CompletedTask;
            }, Int("--warmup", 1), Int("--runs", 5));
            var heldRuns = Int("--warmup", 1) + Int("--runs", 5);
            Console.WriteLine($"ParcelScreener.Screen over {held.Count:N0} parcels in memory: {inMemoryFigures}; " +
                $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - heldCpu).TotalMilliseconds / heldRuns:0} ms a run (warm-ups included); {Describe(inMemoryResult!)}; " +
                $"top: {string.Join(",", inMemoryResult!.Candidates.Take(5).Select(c => $"{c.Id}:{c.Score}"))}");
            if (pgForFile is null)
            {
                return 0;
            }

            return await ScreeningSqlBenchmark.RunAsync(pgForFile, city, held, screener, inMemoryResult!, inMemoryFigures, Int("--sql-warmup", 1), Int("--sql-runs", 3));
        }

        var km = double.Parse(Arg("--km") ?? "126", CultureInfo.InvariantCulture);
        var generated = SampleCityGenerator.Generate(new SampleCityOptions
        {
            Parcels = Int("--parcels", 1_000_000),
            Wards = Int("--wards", 120),
            WidthMetres = km * 1000,
            HeightMetres = km * 1000,
        });
        Console.WriteLine($"generate {generated.Layer("parcels").Features.Count:N0} parcels, {km} km x {km} km: {watch.Elapsed.TotalSeconds:0.0} s");
        if (Arg("--save") is { } save)
        {
            watch.Restart();
            GeoPackageDataset.ReplaceLayers(save, generated.Layers, new Dictionary<string, string> { ["generator"] = "SYNTHETIC benchmark city" }, fresh: true);
            Console.WriteLine($"saved {save}: {watch.Elapsed.TotalSeconds:0.0} s");
            if (args.Contains("--save-only"))
            {
                return 0;
            }
        }

        watch.Restart();
        var model = CityModel.FromLayers(generated.Layer("wards"), generated.Layer("schools"), generated.Layer("urban_areas"),
            generated.Layer("industrial_zones"), norms["dependants_per_worker"], generated.Layer("parcels"));
        Console.WriteLine($"city model with parcels (reprojected in parallel): {model.Wards.Count} wards, {model.Schools.Count} schools, {model.Parcels.Count:N0} parcels: {watch.Elapsed.TotalSeconds:0.0} s");
        generated = null;
        GC.Collect();
        watch.Restart();
        var built = new ParcelScreener(model, norms, options);
        Console.WriteLine($"screener (deficit, catchment, indexes): {watch.Elapsed.TotalSeconds:0.00} s");
        ScreeningResult? result = null;
        var figures = await Timing.MeasureAsync(() =>
        {
            result = built.Screen();
            return Task.CompletedTask;
        }, Int("--warmup", 1), Int("--runs", 5));
        Console.WriteLine($"ParcelScreener.Screen over {model.Parcels.Count:N0} parcels in memory: {figures}; {Describe(result!)}");
        Console.WriteLine($"managed heap after: {GC.GetTotalMemory(false) / 1024.0 / 1024.0:0} MiB; peak working set (includes generating): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB");
        if ((Arg("--pg") ?? Environment.GetEnvironmentVariable("FACILITIES_TEST_PG")) is not { Length: > 0 } pg)
        {
            Console.WriteLine("PostGIS: skipped (pass --pg or set FACILITIES_TEST_PG)");
            return 0;
        }

        return await ScreeningSqlBenchmark.RunAsync(pg, model, model.Parcels, built, result!, figures, Int("--sql-warmup", 1), Int("--sql-runs", 3));
    }

    private static void Projection()
    {
        const int N = 2_000_000;
        var wgs = Facilities.Core.Spatial.CrsRegistry.Get(4326);
        var utm = Facilities.Core.Spatial.CrsRegistry.Get(32648);
        var factory = new ProjNet.CoordinateSystems.CoordinateSystemFactory();
        var projNet = new ProjNet.CoordinateSystems.Transformations.CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(factory.CreateFromWkt(wgs.Wkt), factory.CreateFromWkt(utm.Wkt)).MathTransform;
        var series = Facilities.Core.Spatial.UtmProjection.ForZone(48);
        double Run(Func<double, double, (double X, double Y)> f)
        {
            var sum = 0.0;
            var w = Stopwatch.StartNew();
            for (var i = 0; i < N; i++)
            {
                var (x, y) = f(106.0 + (i % 1000 * 1e-3), 20.5 + (i / 1000 % 1000 * 1e-3));
                sum += x + y;
            }

            Console.Error.WriteLine(sum.ToString(CultureInfo.InvariantCulture)); // keeps the loop alive
            return w.Elapsed.TotalMilliseconds * 1e6 / N;
        }

        for (var round = 0; round < 3; round++)
        {
            Console.WriteLine($"per coordinate: ProjNET {Run(projNet.Transform):0} ns, UtmProjection {Run(series.Forward):0} ns");
        }
    }

    private static string Describe(ScreeningResult r) =>
        $"{r.ParcelsScreened:N0} screened, {r.ParcelsPassed:N0} pass, rejected " +
        string.Join(", ", r.RejectedBy.Select(p => $"{p.Key.Code()} {p.Value:N0}")) + $", {r.MergedPassed} merged sites, {r.Candidates.Count} listed";
}
