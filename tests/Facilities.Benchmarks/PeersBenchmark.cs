using System.Diagnostics;
using System.Globalization;
using Facilities.Application;
using Facilities.Core.Generation;
using Facilities.Core.Screening;
using Facilities.Storage.Sqlite;
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
///       --ids-out ids.txt [--pg connection --sql screen.sql --sql-ids-out sql-ids.txt]
///       (the dataset opened once, as `serve` holds it; each round screens every parcel in memory, then runs the
///       peer's SQL once, so both see the same load; medians printed as "RESULT name median_ms min_ms max_ms")
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
                Required("--ids-out"), Arg("--pg"), Arg("--sql"), Arg("--sql-ids-out"));
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
        string? pg, string? sqlFile, string? sqlIdsOut)
    {
        var norms = NormsFile.Load(normsPath);
        var city = DatasetLoader.LoadCity(dataset, norms);
        // Every parcel that passes, not the best 100, and single parcels only: the peers list parcels, not merged sites.
        var options = new ScreeningOptions(level, year) { Top = 0, MergeAdjacent = false };
        var screener = new ParcelScreener(city, norms, options);
        var held = DatasetLoader.StreamParcels(dataset, city.MetricCrs).ToList();
        var sql = sqlFile is null ? null : await File.ReadAllTextAsync(sqlFile);
        await using var db = pg is null ? null : NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(pg) { CommandTimeout = 0 }.ConnectionString);

        ScreeningResult? result = null;
        List<string> sqlIds = [];
        for (var i = 0; i < warmUp; i++)
        {
            result = screener.Screen(held);
            sqlIds = db is null ? sqlIds : await QueryAsync(db, sql!);
        }

        var warm = new List<double>(runs);
        var query = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = screener.Screen(held);
            warm.Add(watch.Elapsed.TotalMilliseconds);
            if (db is not null)
            {
                watch.Restart();
                sqlIds = await QueryAsync(db, sql!);
                query.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var ids = result!.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        await File.WriteAllLinesAsync(idsOut, ids);
        Console.WriteLine($"{held.Count:N0} parcels held; {result.ParcelsPassed:N0} pass; rejected " +
            string.Join(", ", result.RejectedBy.Select(p => $"{p.Key.Code()} {p.Value:N0}")));
        Print("warm_screen", warm);
        if (db is not null)
        {
            await File.WriteAllLinesAsync(sqlIdsOut ?? throw new ArgumentException("--sql-ids-out is required with --pg"), sqlIds.Order(StringComparer.Ordinal));
            Print("sql_only", query);
        }

        Console.WriteLine($"RESULT peak_rss_mib {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0}");
        return 0;
    }

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
