using System.Diagnostics;
using System.Globalization;
using System.Net;
using Facilities.Web;
using Facilities.Web.Tiles;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Benchmarks;

/// <summary>
/// The map app over real HTTP (issue 6): first response of /api/deficit on the sample city in a process that has
/// served nothing yet, then parcel vector-tile latency on a large dataset (docs/performance.md):
/// <code>
/// facilities generate --out /tmp/city-1m.gpkg --wards 120 --parcels 1000000
/// dotnet run -c Release --project tests/Facilities.Benchmarks -- --tiles --dataset /tmp/city-1m.gpkg
///     [--sample gis-data/sample-city.gpkg] [--requests 1000] [--warmup 2000] [--zooms 16,17,18] [--seed 20250701]
///     [--writer direct|nts] [--pg "Host=…"]
/// </code>
/// Tiles are those holding randomly drawn parcels (fixed seed), at the parcels' first zoom and the next ones,
/// requested one at a time; latency is from sending the request to the last byte read. The served tiles are read
/// through the GeoPackage's R-tree; the same tiles are then cut in-process both through it and from the in-memory
/// index (the path before issue 15), interleaved, and compared byte for byte. With --pg (or
/// FACILITIES_TEST_PG) the same tiles come from PostGIS's ST_AsMVT too (statement time through Npgsql, no HTTP).
/// </summary>
internal static class TilesBenchmark
{
    public static async Task<int> RunAsync(Func<string, string?> arg)
    {
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        var sample = arg("--sample") ?? Path.Combine(FindRepoRoot(), "gis-data", "sample-city.gpkg");
        await FirstDeficitAsync(sample);

        var dataset = arg("--dataset") ?? throw new ArgumentException("--dataset <large.gpkg> is required (facilities generate --parcels 1000000)");
        var requests = int.Parse(arg("--requests") ?? "1000", CultureInfo.InvariantCulture);
        var warmup = int.Parse(arg("--warmup") ?? "2000", CultureInfo.InvariantCulture);
        var seed = int.Parse(arg("--seed") ?? "20250701", CultureInfo.InvariantCulture);
        await using var app = FacilitiesWebApp.Build(new WebOptions { DatasetPath = dataset, Port = 0 });
        await app.StartAsync();
        var tiles = app.Services.GetRequiredService<ParcelTiles>();
        if (arg("--writer") == "nts")
        {
            tiles.Writer = TileWriter.NetTopologySuite;
        }

        var watch = Stopwatch.StartNew();
        tiles.Warm();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"served tiles of {Path.GetFileName(dataset)} read through the R-tree: {tiles.ReadsByBox}; ready (parcels from zoom {tiles.MinZoom}) in {watch.Elapsed.TotalSeconds:0.00} s; " +
            $"working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB; writer {tiles.Writer}"));

        // The in-memory index: the fallback, and the only path before issue 15; it also draws the tiles measured.
        watch.Restart();
        var memory = new ParcelTiles(app.Services.GetRequiredService<DatasetService>(), inMemory: true);
        var index = memory.Index;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-memory parcel index: {index.Count:N0} parcels in {watch.Elapsed.TotalSeconds:0.0} s; working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB"));
        var zooms = (arg("--zooms") ?? string.Join(',', Enumerable.Range(tiles.MinZoom, 3))).Split(',').Select(z => int.Parse(z, CultureInfo.InvariantCulture)).ToArray();

        using var client = new HttpClient { BaseAddress = new Uri(FacilitiesWebApp.Address(app)) };
        var random = new Random(seed);
        var addresses = new List<(int Z, int X, int Y)>();
        for (var i = 0; i < 100 + warmup + requests; i++)
        {
            var c = index.Geometry[random.Next(index.Count)].EnvelopeInternal.Centre;
            var z = zooms[i % zooms.Length];
            addresses.Add((z, LonToX(c.X, z), LatToY(c.Y, z)));
        }

        // The first requests after start run partly on unoptimised (tier-0) code: reported apart, as a user's first view.
        var (cold, coldCpu, coldKiB) = await MeasureAsync(client, addresses.Take(100).ToList());
        Report("first 100 tiles after start (mixed zooms, JIT warming up)", addresses.Take(100).ToList(), cold, coldCpu, coldKiB, index);
        foreach (var (tz, x, y) in addresses.Skip(100).Take(warmup))
        {
            using var r = await client.GetAsync($"/tiles/parcels/{tz}/{x}/{y}.mvt");
        }

        foreach (var z in zooms)
        {
            var mine = addresses.Skip(100 + warmup).Where(a => a.Z == z).ToList();
            var (times, cpuMs, kib) = await MeasureAsync(client, mine);
            Report($"z{z}", mine, times, cpuMs, kib, index);
        }

        foreach (var z in zooms)
        {
            Compare(z, addresses.Skip(100 + warmup).Where(a => a.Z == z).ToList(), tiles, memory);
        }

        var pg = arg("--pg") ?? Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
        if (!string.IsNullOrWhiteSpace(pg))
        {
            await using var postgis = await PostGisTiles.LoadAsync(pg, index);
            await using var conn = await postgis.OpenAsync();
            foreach (var (tz, x, y) in addresses.Skip(100).Take(Math.Min(warmup, 300)))
            {
                await postgis.TileAsync(conn, tz, x, y);
            }

            foreach (var z in zooms)
            {
                var mine = addresses.Skip(100 + warmup).Where(a => a.Z == z).ToList();
                var times = new List<double>();
                long bytes = 0;
                foreach (var (tz, x, y) in mine)
                {
                    var w = Stopwatch.StartNew();
                    bytes += (await postgis.TileAsync(conn, tz, x, y)).Length;
                    times.Add(w.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"PostGIS ST_AsMVT z{z}: {times.Count} tiles, {bytes / 1024.0 / times.Count:0} KiB a tile; p50 {P(times, 0.50):0.0} ms, p95 {P(times, 0.95):0.0} ms, p99 {P(times, 0.99):0.0} ms, max {times[^1]:0.0} ms"));
            }
        }

        await app.StopAsync();
        return 0;
    }

    private static async Task<(List<double> Times, double CpuMs, double KiB)> MeasureAsync(HttpClient client, List<(int Z, int X, int Y)> tiles)
    {
        var times = new List<double>();
        long bytes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (z, x, y) in tiles)
        {
            var w = Stopwatch.StartNew();
            using var r = await client.GetAsync($"/tiles/parcels/{z}/{x}/{y}.mvt");
            var body = await r.Content.ReadAsByteArrayAsync();
            times.Add(w.Elapsed.TotalMilliseconds);
            if (r.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                throw new InvalidOperationException($"tile {z}/{x}/{y}: {(int)r.StatusCode}");
            }

            bytes += body.Length;
        }

        // CPU time of this process (server and client together) per tile: what a tile costs, whatever else the machine runs.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / tiles.Count;
        times.Sort();
        return (times, cpuMs, bytes / 1024.0 / tiles.Count);
    }

    private static void Report(string what, List<(int Z, int X, int Y)> tiles, List<double> times, double cpuMs, double kib, ParcelIndex index)
    {
        var parcels = tiles.Average(a => index.Query(TileBox(a.Z, a.X, a.Y)).Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {times.Count} tiles, {parcels:0} parcels and {kib:0} KiB a tile on average; " +
            $"p50 {P(times, 0.50):0.0} ms, p95 {P(times, 0.95):0.0} ms, p99 {P(times, 0.99):0.0} ms, max {times[^1]:0.0} ms; CPU {cpuMs:0.0} ms a tile"));
    }

    /// <summary>
    /// The same tiles cut in this process (no HTTP) through the R-tree and from the in-memory index, interleaved tile by
    /// tile (which goes first alternates), checking that both give the same bytes.
    /// </summary>
    private static void Compare(int z, List<(int Z, int X, int Y)> addresses, ParcelTiles byBox, ParcelTiles inMemory)
    {
        var (box, memory) = (new List<double>(), new List<double>());
        var differ = 0;
        for (var i = 0; i < addresses.Count; i++)
        {
            var (tz, x, y) = addresses[i];
            byte[]? a = null, b = null;
            foreach (var first in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var w = Stopwatch.StartNew();
                if (first)
                {
                    a = byBox.Tile(tz, x, y);
                    box.Add(w.Elapsed.TotalMilliseconds);
                }
                else
                {
                    b = inMemory.Tile(tz, x, y);
                    memory.Add(w.Elapsed.TotalMilliseconds);
                }
            }

            differ += a.AsSpan().SequenceEqual(b) ? 0 : 1;
        }

        box.Sort();
        memory.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"z{z} in process, interleaved, {addresses.Count} tiles: R-tree p50 {P(box, 0.50):0.0} ms, p95 {P(box, 0.95):0.0} ms; " +
            $"in-memory p50 {P(memory, 0.50):0.0} ms, p95 {P(memory, 0.95):0.0} ms; tiles differing: {differ}"));
    }

    /// <summary>Start-up and the first /api/deficit answer, before this process has served anything (cold JIT).</summary>
    private static async Task FirstDeficitAsync(string sample)
    {
        var watch = Stopwatch.StartNew();
        await using var app = FacilitiesWebApp.Build(new WebOptions { DatasetPath = sample, Port = 0 });
        await app.StartAsync();
        var started = watch.Elapsed.TotalMilliseconds;
        using var client = new HttpClient { BaseAddress = new Uri(FacilitiesWebApp.Address(app)) };
        watch.Restart();
        var first = await client.GetByteArrayAsync("/api/deficit?level=tieu_hoc&year=2030");
        var firstMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await client.GetByteArrayAsync("/api/deficit?level=tieu_hoc&year=2030");
        var cachedMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await client.GetByteArrayAsync("/api/deficit?level=thcs&year=2035");
        var otherMs = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(sample)}: app built and listening in {started:0} ms; first /api/deficit (tieu_hoc 2030, {first.Length / 1024.0:0} KiB) {firstMs:0} ms; " +
            $"same again (cached) {cachedMs:0.0} ms; another level and year {otherMs:0.0} ms"));
        await app.StopAsync();
    }

    private static NetTopologySuite.Geometries.Envelope TileBox(int z, int x, int y)
    {
        var t = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
        return new NetTopologySuite.Geometries.Envelope(t.Left, t.Right, t.Bottom, t.Top);
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static int LonToX(double lon, int z) => (int)Math.Floor((lon + 180) / 360 * (1 << z));

    private static int LatToY(double lat, int z)
    {
        var r = lat * Math.PI / 180;
        return (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * (1 << z));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Facilities.sln")))
            {
                return dir.FullName;
            }
        }

        return ".";
    }
}
