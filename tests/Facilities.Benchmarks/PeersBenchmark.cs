using System.Diagnostics;
using System.Globalization;
using Facilities.Application;
using Facilities.Core.Generation;
using Facilities.Core.Screening;
using Facilities.Storage.Sqlite;
using Facilities.Core.Model;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Storage.Sqlite.GeoPackage;
using Npgsql;

namespace Facilities.Benchmarks;

/// <summary>
/// The Facilities side of scripts/bench-peers.sh (issue 15, "same rules, same answer"): the generated city at a
/// given size, and the warm in-memory screening interleaved with the peers' SQL on the same server.
/// docs/performance.md, section "Issue 15: side by side with PostGIS and GeoPandas".
/// </summary>
/// <remarks>
///   --peers-generate --parcels N [--km K] [--wards 120] [--seed S] --out city.gpkg
///       (the extent defaults to 126 km × 126 km at 1,000,000 parcels, scaled with √N so every size has the same
///       parcel density and the same share of parcels that pass; `facilities generate` has no extent option)
///   --peers-warm --dataset city.gpkg --norms n.json [--level tieu_hoc] [--year 2030] [--runs 5] [--warmup 1]
///       --ids-out ids.txt [--pg connection --sql screen.sql --sql-ids-out sql-ids.txt] [--held table|list|both]
///       (the dataset opened once, as `serve` holds it: its parcels in a ParcelTable, built on first use; each round
///       screens every parcel in memory (warm_screen: the table, screener built once; warm_sites: SitesComputation as
///       a request to `serve` runs it; with --held list or both, the old List of ParcelUnits too), then runs the
///       peer's SQL once, so all see the same load; medians printed as "RESULT name median_ms min_ms max_ms")
/// </remarks>
public static class PeersBenchmark
{
    /// <summary>Runs the mode <paramref name="args"/> names; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => int.Parse(Arg(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string Required(string name) => Arg(name) ?? throw new ArgumentException($"{name} is required");
        return args.Contains("--peers-generate")
            ? Generate(Int("--parcels", 1_000_000), Arg("--km"), Int("--wards", 120), Int("--seed", new SampleCityOptions().Seed), Required("--out"))
            : await WarmAsync(Required("--dataset"), Required("--norms"), Arg("--level") ?? "tieu_hoc", Int("--year", 2030), Int("--warmup", 1), Int("--runs", 5),
                Required("--ids-out"), Arg("--pg"), Arg("--sql"), Arg("--sql-ids-out"), Arg("--held") ?? "table");
    }

    private static int Generate(int parcels, string? km, int wards, int seed, string output)
    {
        var side = km is null ? 126.0 * Math.Sqrt(parcels / 1_000_000.0) : double.Parse(km, CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var city = SampleCityGenerator.Generate(new SampleCityOptions
        {
            Seed = seed,
            Wards = wards,
            Parcels = parcels,
            WidthMetres = side * 1000,
            HeightMetres = side * 1000,
        });
        var label = string.Create(CultureInfo.InvariantCulture,
            $"SYNTHETIC benchmark city: --peers-generate --seed {seed} --wards {wards} --parcels {parcels} --km {side:0.###}");
        var temp = output + ".part";
        File.Delete(temp);
        GeoPackageDataset.ReplaceLayers(temp, city.Layers, new Dictionary<string, string> { ["generator"] = label }, fresh: true);
        // Written under another name and moved, so an interrupted run never leaves a half city in the cache.
        File.Move(temp, output, overwrite: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {city.Layer("parcels").Features.Count:N0} parcels, {wards} wards, {side:0.#} km × {side:0.#} km, seed {seed}: {output} ({watch.Elapsed.TotalSeconds:0} s)"));
        return 0;
    }

    private static async Task<int> WarmAsync(string dataset, string normsPath, string level, int year, int warmUp, int runs, string idsOut,
        string? pg, string? sqlFile, string? sqlIdsOut, string held)
    {
        if (held is not ("table" or "list" or "both"))
        {
            throw new ArgumentException("--held is table, list or both");
        }

        var norms = NormsFile.Load(normsPath);
        // The dataset held as `serve` holds it: a context that keeps the parcels in a table, built on first use.
        var context = new DatasetContext(new GeoPackageStore(dataset), norms, holdParcels: true);
        var city = context.City;
        // Every parcel that passes, not the best 100, and single parcels only: the peers list parcels, not merged sites.
        var options = new ScreeningOptions(level, year) { Top = 0, MergeAdjacent = false };
        var watch = Stopwatch.StartNew();
        var screener = new ParcelScreener(city, norms, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT screener_build {watch.Elapsed.TotalMilliseconds:0.0} 0 0"));
        // The screener's parts, built again warm: the inputs the options change (deficit, catchment), then the whole.
        List<double> inputsBuild = [], screenerBuild = [], geometryBuild = [];
        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            _ = new SiteGeometry(city, (double)norms["screening.min_distance_industrial_m"]);
            geometryBuild.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = ScreeningInputs.Build(city, norms, options);
            inputsBuild.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = new ParcelScreener(city, norms, options);
            screenerBuild.Add(watch.Elapsed.TotalMilliseconds);
        }

        Print("warm_inputs_build", inputsBuild);
        Print("warm_screener_build", screenerBuild);
        Print("warm_site_geometry_build", geometryBuild);
        ParcelTable? table = null;
        if (held != "list")
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            watch.Restart();
            table = context.Parcels;
            var build = watch.Elapsed.TotalMilliseconds;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT table_build {build:0.0} 0 0\nRESULT table_managed_mib {(after - before) / 1048576.0:0.0} 0 0\n" +
                $"table: {table.Count:N0} rows, {table.AttributeClassCount} attribute classes, {table.GeometriesHeldAsObjects} geometries held as objects, " +
                $"arrays {table.ArrayBytes / 1048576.0:0.0} MiB"));
        }

        var list = held == "table" ? null : DatasetLoader.StreamParcels(dataset, city.MetricCrs).ToList();
        var sql = sqlFile is null ? null : await File.ReadAllTextAsync(sqlFile);
        await using var db = pg is null ? null : NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(pg) { CommandTimeout = 0 }.ConnectionString);

        ScreeningResult? fromTable = null, fromList = null;
        List<string> sqlIds = [];
        watch.Restart();
        fromTable = table is null ? null : screener.Screen(table);
        if (table is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT first_table_screen {watch.Elapsed.TotalMilliseconds:0.0} 0 0"));
        }

        for (var i = 0; i < warmUp; i++)
        {
            fromTable = table is null ? null : screener.Screen(table);
            fromList = list is null ? null : screener.Screen(list);
            sqlIds = db is null ? sqlIds : await QueryAsync(db, sql!);
        }

        List<double> warm = [], sites = [], old = [], query = [], warmCpu = [], oldCpu = [];
        var self = Process.GetCurrentProcess();
        double Cpu()
        {
            self.Refresh();
            return self.TotalProcessorTime.TotalMilliseconds;
        }

        for (var i = 0; i < runs; i++)
        {
            // Interleaved: the held table (screener built once), the whole computation as `serve` runs it for a
            // request (screener built from the options, then the table), the old list of parcels, the peer's SQL.
            if (table is not null)
            {
                var cpu = Cpu();
                watch.Restart();
                fromTable = screener.Screen(table);
                warm.Add(watch.Elapsed.TotalMilliseconds);
                warmCpu.Add(Cpu() - cpu);
                watch.Restart();
                _ = SitesComputation.Run(context, options);
                sites.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (list is not null)
            {
                var cpu = Cpu();
                watch.Restart();
                fromList = screener.Screen(list);
                old.Add(watch.Elapsed.TotalMilliseconds);
                oldCpu.Add(Cpu() - cpu);
            }

            if (db is not null)
            {
                watch.Restart();
                sqlIds = await QueryAsync(db, sql!);
                query.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var result = fromTable ?? fromList!;
        if (fromTable is not null && fromList is not null && !Same(fromTable, fromList))
        {
            Console.Error.WriteLine("the held table and the list of parcels gave different results");
            return 1;
        }

        var ids = result.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        await File.WriteAllLinesAsync(idsOut, ids);
        Console.WriteLine($"{(table?.Count ?? list!.Count):N0} parcels held ({held}); {result.ParcelsPassed:N0} pass; rejected " +
            string.Join(", ", result.RejectedBy.Select(p => $"{p.Key.Code()} {p.Value:N0}")));
        if (table is not null)
        {
            Print("warm_screen", warm);
            Print("warm_screen_cpu", warmCpu);
            Print("warm_sites", sites);
        }

        if (list is not null)
        {
            Print(table is null ? "warm_screen" : "warm_screen_list", old);
            Print(table is null ? "warm_screen_cpu" : "warm_screen_list_cpu", oldCpu);
        }

        if (db is not null)
        {
            await File.WriteAllLinesAsync(sqlIdsOut ?? throw new ArgumentException("--sql-ids-out is required with --pg"), sqlIds.Order(StringComparer.Ordinal));
            Print("sql_only", query);
        }

        Console.WriteLine($"RESULT peak_rss_mib {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0}");
        return 0;
    }

    // Same candidates (ids, scores, order) and the same counts by first failure.
    private static bool Same(ScreeningResult a, ScreeningResult b) =>
        a.Candidates.Select(c => (c.Id, c.Score, c.WidthM)).SequenceEqual(b.Candidates.Select(c => (c.Id, c.Score, c.WidthM)))
        && a.RejectedBy.OrderBy(p => p.Key).SequenceEqual(b.RejectedBy.OrderBy(p => p.Key))
        && a.ParcelsScreened == b.ParcelsScreened && a.ParcelsPassed == b.ParcelsPassed;

    private static async Task<List<string>> QueryAsync(NpgsqlDataSource db, string sql)
    {
        var ids = new List<string>();
        await using var cmd = db.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static void Print(string name, List<double> times)
    {
        var sorted = times.Order().ToList();
        var n = sorted.Count;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {name} {median:0.0} {sorted[0]:0.0} {sorted[^1]:0.0}"));
    }
}
