using System.Diagnostics;
using Facilities.Core.Model;
using Facilities.Core.Screening;
using Facilities.PostGisReference;

namespace Facilities.Benchmarks;

/// <summary>
/// The PostGIS side of the screening benchmark: the same city, inputs and parcels loaded into a schema of its own,
/// <see cref="PostGisScreening.ComputeAsync"/> timed with JIT off (its default) and on, the results checked against
/// the in-memory run, and the ratio printed. docs/performance.md.
/// </summary>
public static class ScreeningSqlBenchmark
{
    /// <summary>Runs the PostGIS side; returns 0 when both engines agree, 1 otherwise.</summary>
    /// <param name="connectionString">PostGIS server.</param>
    /// <param name="city">The city (metric CRS).</param>
    /// <param name="parcels">The parcels screened, geometries in memory.</param>
    /// <param name="screener">The in-memory screener (its inputs are loaded).</param>
    /// <param name="memory">The in-memory result.</param>
    /// <param name="inMemory">The in-memory timing.</param>
    /// <param name="warmUp">Untimed SQL runs.</param>
    /// <param name="runs">Timed SQL runs.</param>
    public static async Task<int> RunAsync(string connectionString, CityModel city, IReadOnlyList<ParcelUnit> parcels, ParcelScreener screener, ScreeningResult memory, Figures inMemory,
        int warmUp, int runs)
    {
        var options = screener.Inputs.Options;
        await using var db = PostGisDeficit.CreateDataSource(connectionString);
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await MachineInfo.PrintServerAsync(db);
            var watch = Stopwatch.StartNew();
            await PostGisScreening.LoadAsync(db, city, screener.Inputs, parcels, schema);
            Console.WriteLine($"PostGIS load ({parcels.Count:N0} parcels, {screener.Inputs.Points.Count:N0} grid points; binary COPY, GiST indexes, ANALYZE): {watch.Elapsed.TotalSeconds:0.0} s");

            PostGisScreeningResult? sql = null;
            var noJit = await Timing.MeasureAsync(async () => sql = await PostGisScreening.ComputeAsync(db, schema, options.Top), warmUp, runs);
            Console.WriteLine($"PostGIS ComputeAsync, jit=off: {noJit}; {sql!.ParcelsPassed:N0} pass, rejected " +
                string.Join(", ", sql.RejectedBy.Select(p => $"{p.Key.Code()} {p.Value:N0}")));
            var withJit = await Timing.MeasureAsync(async () => sql = await PostGisScreening.ComputeAsync(db, schema, options.Top, jit: true), 0, 1);
            Console.WriteLine($"PostGIS ComputeAsync, jit=on (server default): {withJit}");

            // Merged sites are not in the SQL: compare the single-parcel candidates.
            var single = memory.Candidates.Where(c => !c.IsMerged).Select(c => c.Id).ToList();
            var sameCounts = sql.ParcelsPassed == memory.ParcelsPassed && memory.RejectedBy.All(p => sql.RejectedBy[p.Key] == p.Value);
            var sameIds = memory.MergedPassed == 0 ? single.SequenceEqual(sql.Candidates.Select(c => c.Id)) : single.All(sql.Candidates.Select(c => c.Id).Contains);
            var byId = sql.Candidates.ToDictionary(c => c.Id);
            var worst = memory.Candidates.Where(c => byId.ContainsKey(c.Id)).Select(c => Math.Abs(c.Score - byId[c.Id].Score)).DefaultIfEmpty().Max();
            Console.WriteLine($"same counts: {(sameCounts ? "yes" : "NO")}; same top {options.Top} ids: {(sameIds ? "yes" : "NO")}; largest score difference {worst}");
            Console.WriteLine($"ratio PostGIS / in-memory (medians): {noJit.MedianMs / inMemory.MedianMs:0.0} (jit=off), {withJit.MedianMs / inMemory.MedianMs:0.0} (jit=on)");
            return sameCounts && sameIds ? 0 : 1;
        }
        finally
        {
            await PostGisDeficit.DropSchemaAsync(db, schema);
        }
    }
}
