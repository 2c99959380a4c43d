using System.Globalization;
using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Optimisation.OrTools;

namespace Facilities.Benchmarks;

/// <summary>
/// The build programme (issue 16): 114 wards × 4 levels × 5 years × 1,000 candidate actions solved to a 1 % gap
/// (target &lt; 60 s), then larger instances (more actions, a 10-year horizon) until one is not proven within
/// the time limit. docs/performance.md, "Build programme".
/// </summary>
/// <remarks>
///   dotnet run -c Release --project tests/Facilities.Benchmarks -- --programme [--wards 114] [--actions 1000] [--years 5]
///       [--seed 16] [--backend SCIP|CBC] [--gap 0.01] [--time-limit 60] [--grow]
/// --grow adds 2, 4, 8, 16 and 32 times the actions over 5 years, and 1, 4 and 16 times over 10 years.
/// Need: every ward × level starts with 0–400 pupils short and grows by 0–120 a year (a third of the cells have none);
/// actions are sites with one to three size options (8–40 classrooms, 1.2–2.2 billion VND a classroom, 2-year builds
/// from 20 classrooms), earliest starts spread over the horizon; the yearly budget is a fifth of what all sites' smallest
/// options would cost over the horizon.
/// </remarks>
public static class ProgrammeBenchmark
{
    /// <summary>Runs the benchmark; returns 1 when the base size misses the target.</summary>
    public static int Run(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        double Num(string name, double fallback) => double.Parse(Arg(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var (wards, actions, years, seed) = ((int)Num("--wards", 114), (int)Num("--actions", 1000), (int)Num("--years", 5), (int)Num("--seed", 16));
        var limits = new SolverLimits { RelativeGap = Num("--gap", 0.01), TimeLimit = TimeSpan.FromSeconds(Num("--time-limit", 60)) };
        var solver = new OrToolsProgrammeSolver(Arg("--backend") ?? "SCIP");
        Console.WriteLine("# Build programme benchmark");
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }
        Console.WriteLine($"solver: {solver.Name}; gap target {limits.RelativeGap:P0}; time limit {limits.TimeLimit.TotalSeconds} s");
        Console.WriteLine("| wards | levels | years | actions | x vars | greedy s | greedy pupil-years | MIP s | MIP pupil-years | bound | gap | status |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var sizes = new List<(int Years, int Actions)> { (years, actions) };
        if (args.Contains("--grow"))
        {
            sizes.AddRange([(years, actions * 2), (years, actions * 4), (years, actions * 8), (years, actions * 16), (years, actions * 32), (10, actions), (10, actions * 4), (10, actions * 16)]);
        }
        var code = 0;
        foreach (var (y, a) in sizes)
        {
            var instance = Instance(seed, wards, 4, y, a);
            var greedy = GreedyProgramme.Solve(instance);
            var mip = solver.Solve(instance, limits, greedy.Starts);
            var vars = instance.Actions.Sum(x => instance.StartYears(x).Count());
            var proven = mip.Status == SolveStatus.Optimal;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {wards} | 4 | {y} | {instance.Actions.Count} | {vars} | {greedy.Seconds:0.00} | {greedy.Objective:N0} | {mip.Seconds:0.0} | {mip.Objective:N0} | {mip.BestBound:N0} | {mip.Gap:P2} | {mip.Status} |"));
            if ((y, a) == sizes[0] && !proven)
            {
                code = 1;
            }
        }
        return code;
    }

    /// <summary>The benchmark instance (see the remarks).</summary>
    public static ProgrammeInstance Instance(int seed, int wards, int levels, int years, int actions)
    {
        var rng = new Random(seed);
        string[] codes = ["mam_non", "tieu_hoc", "thcs", "thpt"];
        double[] perRoom = [30, 35, 75, 75];
        var needs = new List<NeedCell>();
        for (var w = 0; w < wards; w++)
        {
            for (var l = 0; l < levels; l++)
            {
                var short0 = rng.Next(3) == 0 ? 0 : rng.Next(0, 400);
                var growth = rng.Next(0, 120);
                for (var y = 0; y < years; y++)
                {
                    needs.Add(new NeedCell($"W{w:000}", codes[l], 2026 + y, short0 + (growth * y), perRoom[l]));
                }
            }
        }
        var list = new List<ProgrammeAction>();
        decimal middle = 0;
        for (var site = 0; list.Count < actions; site++)
        {
            var (ward, level) = ($"W{rng.Next(wards):000}", codes[rng.Next(levels)]);
            var perClassroom = (decimal)(1.2 + rng.NextDouble()) * 1_000_000_000m;
            var earliest = 2026 + rng.Next(Math.Max(1, years - 1));
            var options = rng.Next(1, 4);
            for (var k = 0; k < options && list.Count < actions; k++)
            {
                var rooms = 8 + (k * 12) + rng.Next(0, 6);
                list.Add(new ProgrammeAction($"s{site}o{k}", ActionKind.NewSchool, $"s{site}o{k}", ward, level, rooms, rooms * perClassroom, 0, earliest, rooms >= 20 ? 2 : 1)
                {
                    Group = $"s{site}",
                });
                middle += k == 0 ? rooms * perClassroom : 0;
            }
        }
        var yearly = Math.Round(middle / 5 / years, 0);
        return new ProgrammeInstance(2026, 2026 + years - 1, needs, list,
            new ProgrammeBudget(Enumerable.Range(2026, years).ToDictionary(y => y, _ => yearly), false));
    }
}
