using System.Diagnostics;
using Facilities.Core.Catchment;
using Facilities.Core.Deficit;
using Facilities.Core.Norms;
using Facilities.PostGisReference;
using Npgsql;

namespace Facilities.Benchmarks;

/// <summary>
/// Catchment method (E2SFCA) in memory against the same computation as one PostGIS statement, on a grid city of
/// about 300,000 demand points and 5,000 schools of one level (docs/performance.md).
/// </summary>
public static class CatchmentBenchmark
{
    /// <summary>Runs the benchmark; returns the exit code (1 when SQL and C# disagree).</summary>
    /// <param name="arg">Reads an option's value by name, or null.</param>
    /// <param name="connectionString">PostGIS connection string, or null for the in-memory side only.</param>
    public static async Task<int> RunAsync(Func<string, string?> arg, string? connectionString)
    {
        var side = Parse(arg("--wards-per-side"), 40);
        var wardKm = Parse(arg("--ward-km"), 4.0);
        var urbanShare = Parse(arg("--urban-share"), 0.2);
        var schools = Parse(arg("--schools"), 5000);
        var level = arg("--level") ?? "thcs";
        var grid = Parse(arg("--grid-m"), 290.0);
        var seed = Parse(arg("--seed"), 20250701);
        var runs = Parse(arg("--runs"), 11);
        var warmUp = Parse(arg("--warmup"), 2);
        var sqlRuns = Parse(arg("--sql-runs"), 5);
        var sqlWarmUp = Parse(arg("--sql-warmup"), 1);
        var year = Parse(arg("--year"), 2030);

        Console.WriteLine("# Catchment benchmark");
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        var watch = Stopwatch.StartNew();
        var city = GridCity.Build(side, wardKm * 1000, urbanShare, level, schools, seed);
        var norms = NormsSet.BuiltIn;
        var options = new DeficitOptions(year) { Levels = [level], Method = "catchment" };
        var unlimited = new CatchmentOptions { GridSpacingMetres = grid };
        var limited = unlimited with { CapacityLimited = true };
        Console.WriteLine($"city: {side} x {side} wards of {wardKm} km ({city.Wards.Count(w => w.UnitType == "phuong")} phường in the middle, the rest xã), "
            + $"{city.Schools.Count} {level} schools at seeded random positions (seed {seed}), EPSG:{city.MetricCrs.Srid}: {watch.Elapsed.TotalSeconds:0.00} s");
        watch.Restart();
        var inputs = CatchmentInputs.Build(city, norms, options, unlimited, level);
        Console.WriteLine($"inputs (CatchmentInputs.Build: admin pupils, {grid} m demand grid): {watch.Elapsed.TotalSeconds:0.00} s; {inputs.Points.Count:N0} demand points, "
            + $"{inputs.Demand.Sum():N0} pupils, {inputs.Capacity.Sum():N0} places, radius {inputs.RadiusMetres[1]} m urban / {inputs.RadiusMetres[0]} m rural");
        watch.Restart();
        var links = CatchmentLinks.Build(inputs.Points, inputs.Schools, inputs.RadiusMetres);
        var reachless = Enumerable.Range(0, inputs.Points.Count).Count(i => links.Start[i + 1] == links.Start[i]);
        Console.WriteLine($"links: {links.School.Length:N0} ({(double)links.School.Length / inputs.Points.Count:0.00} per point; {reachless:N0} points, "
            + $"{100.0 * reachless / inputs.Points.Count:0.0} %, reach no school): {watch.Elapsed.TotalMilliseconds:0} ms (first, cold)");

        CatchmentResult? full = null;
        var fullUnlimited = await Timing.MeasureAsync(() => Run(() => full = CatchmentCalculator.Compute(city, norms, options, unlimited)), warmUp, runs);
        Console.WriteLine($"in-memory CatchmentCalculator.Compute, unlimited (grid, links, E2SFCA, allocation, rows): {fullUnlimited}");
        Report("  ", full!.Wards, full.Schools);
        var fullLimited = await Timing.MeasureAsync(() => Run(() => full = CatchmentCalculator.Compute(city, norms, options, limited)), warmUp, runs);
        Console.WriteLine($"in-memory CatchmentCalculator.Compute, capacity-limited (up to {limited.MaxIterations} rounds): {fullLimited}");
        Report("  ", full!.Wards, full.Schools);

        CatchmentLevelRows? memory = null;
        var levelUnlimited = await Timing.MeasureAsync(() => Run(() => memory = CatchmentCalculator.ComputeLevel(inputs, unlimited)), warmUp, runs);
        Console.WriteLine($"in-memory CatchmentCalculator.ComputeLevel from the inputs, unlimited (links, E2SFCA, allocation, rows: the SQL's work): {levelUnlimited}");
        var levelLimited = await Timing.MeasureAsync(() => Run(() => CatchmentCalculator.ComputeLevel(inputs, limited)), warmUp, runs);
        Console.WriteLine($"in-memory CatchmentCalculator.ComputeLevel from the inputs, capacity-limited: {levelLimited}");
        Console.WriteLine($"target: in memory under 2 s: {(Math.Max(fullUnlimited.MedianMs, fullLimited.MedianMs) < 2000 ? "met" : "NOT met")}");

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.WriteLine("PostGIS: skipped (pass --pg or set FACILITIES_TEST_PG)");
            return 0;
        }

        await using var db = PostGisDeficit.CreateDataSource(connectionString);
        if (arg("--load-only") is { } kept)
        {
            // For psql and EXPLAIN: load into a named schema, write the statement beside, keep both.
            await PostGisCatchment.LoadAsync(db, inputs, city.MetricCrs.Srid, kept);
            await File.WriteAllTextAsync(kept + ".sql", PostGisCatchment.Statement(kept) + ";\n");
            Console.WriteLine($"loaded into schema {kept}; statement in {kept}.sql");
            return 0;
        }

        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await MachineInfo.PrintServerAsync(db);

            watch.Restart();
            await PostGisCatchment.LoadAsync(db, inputs, city.MetricCrs.Srid, schema);
            Console.WriteLine($"PostGIS load (binary COPY of {inputs.Points.Count:N0} points and {inputs.Schools.Count:N0} schools, GiST indexes, ANALYZE): {watch.Elapsed.TotalSeconds:0.00} s");
            CatchmentLevelRows sql = new([], []);
            await using var noJit = PostGisDeficit.CreateDataSource(new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c jit=off" }.ConnectionString);
            // The default work_mem (4 MB) makes the per-point aggregates and sorts spill to disk.
            await using var tuned = PostGisDeficit.CreateDataSource(
                new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c jit=off -c work_mem=256MB" }.ConnectionString);
            // Interleaved rounds (in memory, then each PostGIS setting), so the machine's load falls on all alike.
            var figures = await Interleaved.MeasureAsync(sqlWarmUp, sqlRuns,
                ("in memory, Compute, unlimited", () => Run(() => full = CatchmentCalculator.Compute(city, norms, options, unlimited))),
                ("in memory, ComputeLevel from the inputs, unlimited", () => Run(() => memory = CatchmentCalculator.ComputeLevel(inputs, unlimited))),
                ("PostGIS PostGisCatchment.ComputeAsync, unlimited (one statement, rows read), server defaults", async () => sql = await PostGisCatchment.ComputeAsync(db, schema)),
                ("PostGIS, jit=off", async () => sql = await PostGisCatchment.ComputeAsync(noJit, schema)),
                ("PostGIS, jit=off, work_mem=256MB", async () => sql = await PostGisCatchment.ComputeAsync(tuned, schema)));
            Console.WriteLine($"interleaved, {sqlRuns} rounds after {sqlWarmUp} warm-up(s) (wall; CPU of the timing thread, the client's only for SQL):");
            foreach (var (name, wall, cpu) in figures)
            {
                Console.WriteLine($"  {name}: {wall}; CPU {cpu}");
            }

            Report("  SQL: ", sql.Wards, sql.Schools);
            var (postgis, postgisNoJit, postgisTuned) = (figures[2].Wall, figures[3].Wall, figures[4].Wall);
            (fullUnlimited, levelUnlimited) = (figures[0].Wall, figures[1].Wall);

            var (worst, roomsDiffer) = Compare(memory!, sql);
            var same = memory!.Wards.Count == sql.Wards.Count && memory.Schools.Count == sql.Schools.Count && roomsDiffer == 0 && worst <= 1e-6;
            Console.WriteLine($"SQL agrees with ComputeLevel (unlimited): {(same ? "yes" : "NO")}; largest relative difference {worst:E2} "
                + $"(pupils, allocated, load, accessibility; unserved relative to the ward's pupils); wards with different rooms needed: {roomsDiffer}");
            foreach (var (name, memoryMs) in new[] { ("Compute", fullUnlimited.MedianMs), ("ComputeLevel from the same inputs", levelUnlimited.MedianMs) })
            {
                Console.WriteLine($"ratio PostGIS / in-memory {name}, unlimited (medians): {postgis.MedianMs / memoryMs:0.0} (server defaults), "
                    + $"{postgisNoJit.MedianMs / memoryMs:0.0} (jit=off), {postgisTuned.MedianMs / memoryMs:0.0} (jit=off, work_mem=256MB)");
            }
            return same ? 0 : 1;
        }
        finally
        {
            await PostGisDeficit.DropSchemaAsync(db, schema);
        }
    }

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private static void Report(string indent, IReadOnlyList<CatchmentWardRow> wards, IReadOnlyList<CatchmentSchoolRow> schools)
    {
        var pupils = wards.Sum(w => w.Pupils);
        var unserved = wards.Sum(w => w.Unserved);
        Console.WriteLine($"{indent}pupils {pupils:N1}, allocated {wards.Sum(w => w.Allocated):N1}, unserved {unserved:N1} ({100 * unserved / pupils:0.0} %), "
            + $"rooms needed {wards.Sum(w => w.RoomsNeeded):N0}, schools over capacity {schools.Count(s => s.Allocated > s.Capacity + 1e-6):N0}, "
            + $"conservation error {wards.Max(w => Math.Abs(w.Pupils - w.Allocated - w.Unserved)):E1}");
    }

    private static (double Worst, int RoomsDiffer) Compare(CatchmentLevelRows memory, CatchmentLevelRows sql)
    {
        static double Rel(double a, double b, double scale) => scale > 0 ? Math.Abs(a - b) / scale : Math.Abs(a - b);
        var worst = 0.0;
        var roomsDiffer = 0;
        foreach (var (e, a) in memory.Wards.Zip(sql.Wards))
        {
            worst = Math.Max(worst, Rel(e.Pupils, a.Pupils, Math.Abs(e.Pupils)));
            worst = Math.Max(worst, Rel(e.Allocated, a.Allocated, Math.Abs(e.Allocated)));
            worst = Math.Max(worst, Rel(e.Unserved, a.Unserved, Math.Abs(e.Pupils)));
            worst = Math.Max(worst, Rel(e.Accessibility, a.Accessibility, Math.Abs(e.Accessibility)));
            roomsDiffer += e.WardCode == a.WardCode && e.RoomsNeeded == a.RoomsNeeded ? 0 : 1;
        }

        foreach (var (e, a) in memory.Schools.Zip(sql.Schools))
        {
            worst = Math.Max(worst, Rel(e.Allocated, a.Allocated, Math.Abs(e.Allocated)));
        }

        return (worst, roomsDiffer);
    }

    private static T Parse<T>(string? text, T fallback)
        where T : IParsable<T> => text is null ? fallback : T.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
