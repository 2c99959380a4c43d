using System.Diagnostics;
using System.Globalization;
using Facilities.Application;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Generation;
using Facilities.Core.Norms;
using Facilities.Core.Screening;
using Facilities.Storage.PostGis.Datasets;
using Facilities.Storage.Sqlite.Datasets;

namespace Facilities.Benchmarks;

/// <summary>
/// The dataset stores side by side (docs/performance.md, "GeoPackage and PostGIS stores"): a generated city written
/// to a GeoPackage and copied into PostGIS, then, from each store, the content hash and the two computations a
/// request runs end to end through the application layer (a fresh <see cref="DatasetContext"/> each run, as a CLI
/// command makes): the admin deficit of one year, and the parcel screening of one level.
///
///   dotnet run -c Release --project tests/Facilities.Benchmarks -- --stores [--pg &lt;connection string&gt;]
///       [--parcels 200000] [--wards 120] [--km 60] [--runs 5] [--warmup 1] [--keep file.gpkg]
/// </summary>
public static class StoreBenchmark
{
    public static async Task<int> RunAsync(Func<string, string?> arg)
    {
        int Int(string name, int fallback) => int.Parse(arg(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var pg = arg("--pg") ?? Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (string.IsNullOrEmpty(pg))
        {
            Console.Error.WriteLine("--stores needs --pg or FACILITIES_TEST_PG");
            return 1;
        }

        Console.WriteLine("# Dataset stores benchmark: GeoPackage vs PostGIS");
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        var (runs, warmUp) = (Int("--runs", 5), Int("--warmup", 1));
        var km = double.Parse(arg("--km") ?? "60", CultureInfo.InvariantCulture);
        var file = arg("--keep") ?? Path.Combine(Path.GetTempPath(), $"stores-{Guid.NewGuid():N}.gpkg");
        var watch = Stopwatch.StartNew();
        var generated = SampleCityGenerator.Generate(new SampleCityOptions
        {
            Parcels = Int("--parcels", 200_000),
            Wards = Int("--wards", 120),
            WidthMetres = km * 1000,
            HeightMetres = km * 1000,
        });
        var gpkg = new GeoPackageStore(file);
        gpkg.ReplaceLayers(generated.Layers, new Dictionary<string, string> { ["generator"] = "SYNTHETIC stores benchmark" }, fresh: true);
        Console.WriteLine($"generate and write {generated.Layer("parcels").Features.Count:N0} parcels, {generated.Layer("wards").Features.Count} wards, {generated.Layer("schools").Features.Count} schools to a GeoPackage: {watch.Elapsed.TotalSeconds:0.0} s ({new FileInfo(file).Length / 1024.0 / 1024.0:0} MiB)");
        generated = null;
        GC.Collect();

        using var db = new PostGisDatasetStore(PostGisLocation.Parse($"{pg};Schema=bench_stores_{Guid.NewGuid().ToString("N")[..12]}"));
        try
        {
            watch.Restart();
            DatasetCopy.Run(gpkg, db);
            Console.WriteLine($"facilities copy GeoPackage → PostGIS (read, one-transaction COPY, GiST, both hashes, check): {watch.Elapsed.TotalSeconds:0.0} s");

            var norms = NormsSet.BuiltIn;
            foreach (var (name, store) in new (string, Core.Datasets.IDatasetStore)[] { ("GeoPackage", gpkg), ("PostGIS", db) })
            {
                var hash = await Timing.MeasureAsync(() => Task.FromResult(store.ContentHash()), warmUp, runs);
                var token = await Timing.MeasureAsync(() => Task.FromResult(store.ChangeToken()), 3, 101);
                var deficit = await Timing.MeasureAsync(() =>
                {
                    _ = DeficitComputation.Run(new DatasetContext(store, norms), new DeficitOptions(2030), new CatchmentOptions());
                    return Task.CompletedTask;
                }, warmUp, runs);
                var screening = await Timing.MeasureAsync(() =>
                {
                    _ = SitesComputation.Run(new DatasetContext(store, norms), new ScreeningOptions("thcs", 2030));
                    return Task.CompletedTask;
                }, warmUp, runs);
                Console.WriteLine($"{name}: content hash {hash}");
                if (store == db)
                {
                    // The hash kept beside the change counter, forgotten before each run: what the first request after an edit pays.
                    var cold = await Timing.MeasureAsync(() =>
                    {
                        using (var c = new Npgsql.NpgsqlConnection(pg))
                        {
                            c.Open();
                            using var forget = new Npgsql.NpgsqlCommand($"UPDATE {db.Location.Schema}.facilities_state SET hashed_at = NULL", c);
                            forget.ExecuteNonQuery();
                        }

                        return Task.FromResult(store.ContentHash());
                    }, warmUp, runs);
                    Console.WriteLine($"{name}: content hash computed from the rows (kept hash forgotten; includes one UPDATE) {cold}");
                }

                Console.WriteLine($"{name}: change token {token}");
                Console.WriteLine($"{name}: deficit (admin, 2030; context + hash + city + computation) {deficit}");
                Console.WriteLine($"{name}: screening (thcs, 2030; context + hash + city + parcels streamed + screen) {screening}");
            }
        }
        finally
        {
            db.Drop();
            if (arg("--keep") is null)
            {
                File.Delete(file);
            }
        }

        return 0;
    }
}
