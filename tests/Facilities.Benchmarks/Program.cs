// Admin deficit: in-memory AdminDeficitCalculator against the same computation as one PostGIS statement, on a
// generated city with as many wards as Vietnam has communes since 1 July 2025 (3,321). docs/performance.md.
//
//   dotnet run -c Release --project tests/Facilities.Benchmarks -- [--pg <connection string>] [--wards 3321]
//       [--km 300] [--runs 21] [--warmup 3] [--year 2030]
//
// The connection string defaults to FACILITIES_TEST_PG; without either, only the in-memory side runs. In-memory and
// PostGIS runs are interleaved. --dataset <file.gpkg> reads the city from a GeoPackage instead of generating it (and
// prints where reading it takes its time); --keep-schema <name> only loads it into that schema and writes the
// statement, parameters as literals, to <name>.sql for psql (docs/performance.md, "Issue 15: national scale").
//
// Catchment method (E2SFCA): in-memory CatchmentCalculator against PostGisCatchment's SQL, ~300,000 demand points and
// 5,000 schools of one level (CatchmentBenchmark.cs):
//
//   dotnet run -c Release --project tests/Facilities.Benchmarks -- --catchment [--pg <connection string>]
//       [--level thcs] [--schools 5000] [--wards-per-side 40] [--ward-km 4] [--urban-share 0.2] [--grid-m 290]
//       [--seed 20250701] [--runs 11] [--warmup 2] [--sql-runs 5] [--sql-warmup 1] [--year 2030] [--load-only <schema>]
//
// With --stores, the dataset stores side by side: content hash, deficit and screening from a GeoPackage and from its
// PostGIS copy (StoreBenchmark.cs).
//
// With --screening, the parcel screening benchmark runs instead (ScreeningBenchmark.cs); with --tiles, the map app's
// first /api/deficit answer and parcel vector-tile latency over HTTP (TilesBenchmark.cs); with --covering, the
// maximal-covering benchmark of the site proposals (CoveringBenchmark.cs); with --gpkg-index <file.gpkg>, the GeoPackage
// R-tree's read speed-up and write cost on the file's parcels (SpatialIndexBenchmark.cs).
using System.Diagnostics;
using System.Globalization;
using Facilities.Application;
using Facilities.Benchmarks;
using Facilities.Core.Deficit;
using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Generation;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.PostGisReference;
using Npgsql;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--programme"))
{
    return ProgrammeBenchmark.Run(args);
}

if (args.Contains("--covering"))
{
    return CoveringBenchmark.Run(args);
}

if (args.Contains("--peers-generate") || args.Contains("--peers-warm"))
{
    return await PeersBenchmark.RunAsync(args);
}

if (args.Contains("--screening"))
{
    return await ScreeningBenchmark.RunAsync(args);
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
if (Arg("--gpkg-index") is { } indexFile)
{
    return SpatialIndexBenchmark.Run(indexFile, int.Parse(Arg("--boxes") ?? "21", CultureInfo.InvariantCulture), int.Parse(Arg("--write-runs") ?? "1", CultureInfo.InvariantCulture));
}

if (args.Contains("--stores"))
{
    return await StoreBenchmark.RunAsync(Arg);
}

if (args.Contains("--tiles"))
{
    return await TilesBenchmark.RunAsync(Arg);
}

var connectionString = Arg("--pg") ?? Environment.GetEnvironmentVariable("FACILITIES_TEST_PG");
if (args.Contains("--catchment"))
{
    return await CatchmentBenchmark.RunAsync(Arg, connectionString);
}

var wards = int.Parse(Arg("--wards") ?? "3321", CultureInfo.InvariantCulture);
var km = double.Parse(Arg("--km") ?? "300", CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs") ?? "21", CultureInfo.InvariantCulture);
var warmUp = int.Parse(Arg("--warmup") ?? "3", CultureInfo.InvariantCulture);
var year = int.Parse(Arg("--year") ?? "2030", CultureInfo.InvariantCulture);

Console.WriteLine("# Admin deficit benchmark");
foreach (var line in MachineInfo.Describe())
{
    Console.WriteLine(line);
}

var watch = Stopwatch.StartNew();
var norms = NormsSet.BuiltIn;
CityModel city;
if (Arg("--dataset") is { } datasetPath)
{
    // The city of a GeoPackage (e.g. --peers-generate --parcels 0 --wards 3321 --km 300), as the CLI reads it.
    city = new DatasetContext(DatasetLocation.Open(datasetPath), norms).City;
    Console.WriteLine($"read {datasetPath}: {watch.Elapsed.TotalSeconds:0.0} s");
    // Where a cold `deficit` spends its time reading the city: the layers, then the model (reprojection, ward look-up).
    var store = DatasetLocation.Open(datasetPath);
    var layers = new Dictionary<string, FeatureLayer?>();
    foreach (var name in new[] { "wards", "schools", "urban_areas", "industrial_zones" })
    {
        watch.Restart();
        layers[name] = store.ReadLayer(name);
        Console.WriteLine($"  read layer {name}: {layers[name]?.Features.Count ?? 0:N0} features, {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    watch.Restart();
    _ = new WardLocator(layers["wards"]!);
    Console.WriteLine($"  WardLocator over the wards: {watch.Elapsed.TotalMilliseconds:0} ms");
    watch.Restart();
    _ = CityModel.FromLayers(layers["wards"]!, layers["schools"], layers["urban_areas"], layers["industrial_zones"], norms["dependants_per_worker"]);
    Console.WriteLine($"  CityModel.FromLayers: {watch.Elapsed.TotalMilliseconds:0} ms");
}
else
{
    var generated = SampleCityGenerator.Generate(new SampleCityOptions { Wards = wards, Parcels = 100, WidthMetres = km * 1000, HeightMetres = km * 1000 });
    Console.WriteLine($"generate {wards} wards, {km} km x {km} km: {watch.Elapsed.TotalSeconds:0.0} s");
    watch.Restart();
    city = CityModel.FromLayers(generated.Layer("wards"), generated.Layer("schools"), generated.Layer("urban_areas"),
        generated.Layer("industrial_zones"), norms["dependants_per_worker"]);
}

Console.WriteLine($"city model: {city.Wards.Count} wards ({city.Wards.Sum(w => w.Population):N0} residents), {city.Schools.Count} schools, {city.Growth.Count} growth areas, EPSG:{city.MetricCrs.Srid}: {watch.Elapsed.TotalSeconds:0.0} s");

var options = new DeficitOptions(year);
Console.WriteLine($"options: {options.Describe()}");
DeficitResult? memory = null;
Task ComputeAlone()
{
    memory = AdminDeficitCalculator.Compute(city, norms, options);
    return Task.CompletedTask;
}

var alone = await Interleaved.MeasureAsync(warmUp, runs, ("in memory", ComputeAlone));
var inMemory = alone[0].Wall;
Console.WriteLine($"in-memory AdminDeficitCalculator.Compute: {inMemory}; CPU {alone[0].Cpu}; {memory!.Rows.Count} rows");
// The first deficit on a city also makes the schools' arrays it keeps with the city (DeficitSchoolColumns): timed on
// fresh copies of the model, made outside the timing.
var firstTimes = new List<double>();
for (var i = 0; i < Math.Max(5, runs / 2); i++)
{
    var fresh = CityModel.Of(city.MetricCrs, city.Wards, city.Schools, city.Growth);
    var cpu0 = ThreadCpu.NowMs();
    var first = Stopwatch.StartNew();
    _ = AdminDeficitCalculator.Compute(fresh, norms, options);
    firstTimes.Add(first.Elapsed.TotalMilliseconds);
    Console.WriteLine($"  first deficit on a fresh copy of the city: {firstTimes[^1]:0.0} ms wall, {ThreadCpu.NowMs() - cpu0:0.0} ms thread CPU");
}

// Where the time goes: the growth areas' shares of the wards (geometry), the rest is the one pass over schools and rows.
var growthShares = await Timing.MeasureAsync(() =>
{
    _ = new GrowthShares(city);
    return Task.CompletedTask;
}, warmUp, runs);
Console.WriteLine($"  of which GrowthShares ({city.Growth.Count} growth areas over {city.Wards.Count} wards): {growthShares}");

if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.WriteLine("PostGIS: skipped (pass --pg or set FACILITIES_TEST_PG)");
    return 0;
}

await using var db = PostGisDeficit.CreateDataSource(connectionString);
if (Arg("--keep-schema") is { } kept)
{
    // For psql and EXPLAIN: load into a named schema, write the statement (parameters as literals) beside, keep both.
    await PostGisDeficit.LoadAsync(db, city, kept);
    await File.WriteAllTextAsync(kept + ".sql", PostGisDeficit.Statement(kept, norms, options) + ";\n");
    Console.WriteLine($"loaded into schema {kept}; statement in {kept}.sql");
    return 0;
}

var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
try
{
    await MachineInfo.PrintServerAsync(db);

    watch.Restart();
    await PostGisDeficit.LoadAsync(db, city, schema);
    Console.WriteLine($"PostGIS load (binary COPY, indexes, ANALYZE): {watch.Elapsed.TotalSeconds:0.00} s");
    IReadOnlyList<DeficitRow> sql = [];
    // PostgreSQL 15 JIT-compiles the statement (its cost estimate passes jit_above_cost) and spends ~70 ms doing so on every run.
    await using var noJit = PostGisDeficit.CreateDataSource(new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c jit=off" }.ConnectionString);
    var figures = await Interleaved.MeasureAsync(warmUp, runs,
        ("in memory, AdminDeficitCalculator.Compute", ComputeInMemory),
        ("PostGIS ComputeAdminAsync (one statement, rows read into DeficitRow), server defaults", async () => sql = await PostGisDeficit.ComputeAdminAsync(db, schema, norms, options)),
        ("PostGIS ComputeAdminAsync, jit=off", async () => sql = await PostGisDeficit.ComputeAdminAsync(noJit, schema, norms, options)));
    Console.WriteLine($"interleaved, {runs} rounds after {warmUp} warm-ups (wall; CPU of the timing thread):");
    foreach (var (name, wall, cpu) in figures)
    {
        Console.WriteLine($"  {name}: {wall}; CPU {cpu}");
    }

    Task ComputeInMemory()
    {
        memory = AdminDeficitCalculator.Compute(city, norms, options);
        return Task.CompletedTask;
    }

    var (postgis, postgisNoJit) = (figures[1].Wall, figures[2].Wall);
    inMemory = figures[0].Wall;
    Console.WriteLine($"in memory, thread CPU median {figures[0].Cpu.MedianMs:0.00} ms: PostGIS jit=off wall / in-memory CPU = {postgisNoJit.MedianMs / figures[0].Cpu.MedianMs:0.0}");

    var differing = memory.Rows.Zip(sql).Count(p => (p.First.WardCode, p.First.Level, p.First.Pupils, p.First.ClassesNeeded, p.First.RoomsNeeded, p.First.RoomsAvailable,
        p.First.SubjectRoomsDeficit) != (p.Second.WardCode, p.Second.Level, p.Second.Pupils, p.Second.ClassesNeeded, p.Second.RoomsNeeded, p.Second.RoomsAvailable,
        p.Second.SubjectRoomsDeficit));
    var worst = memory.Rows.Zip(sql).Max(p => Math.Max(Math.Abs(p.First.UrbanAreaPupils - p.Second.UrbanAreaPupils), Math.Abs(p.First.IndustrialZonePupils - p.Second.IndustrialZonePupils)));
    Console.WriteLine($"same rows: {(memory.Rows.Count == sql.Count && differing == 0 ? "yes" : $"NO ({differing} differ)")}; largest pupil-component difference {worst}");
    Console.WriteLine($"ratio PostGIS / in-memory (medians): {postgis.MedianMs / inMemory.MedianMs:0.0} (server defaults), {postgisNoJit.MedianMs / inMemory.MedianMs:0.0} (jit=off)");
    return memory.Rows.Count == sql.Count && differing == 0 ? 0 : 1;
}
finally
{
    await PostGisDeficit.DropSchemaAsync(db, schema);
}
