using System.Globalization;
using System.Net;
using Facilities.Application;
using Facilities.Core.Norms;
using Facilities.Core.Optimisation;
using Facilities.Core.Programme;
using Facilities.Storage.Sqlite.Datasets;
using Facilities.Testing;
using Facilities.Web.Tracker;
using Microsoft.Extensions.DependencyInjection;

namespace Facilities.Web.Tests;

/// <summary>/api/programme serves ProgrammeComputation's programme for the same options (docs/web-api.md).</summary>
public sealed class ProgrammeEndpointTests(SampleCityApp sample) : IClassFixture<SampleCityApp>
{
    [Fact]
    public async Task The_projects_and_trajectory_are_those_the_programme_computation_gives_for_the_same_options()
    {
        var tracker = sample.App.App.Services.GetRequiredService<TrackerContext>();
        var cases = await tracker.Store.ListCasesAsync(cancel: TestContext.Current.CancellationToken);
        // Built here from the parameters, not through the endpoint's parser: 30 billion VND a year is 30e9 VND.
        var options = new ProgrammeOptions(2026, 2028, new ProgrammeBudget(new Dictionary<int, decimal> { [2026] = 30e9m, [2027] = 30e9m, [2028] = 30e9m }, false))
        {
            Levels = ["tieu_hoc", "thcs"],
            AsOf = DateOnly.FromDateTime(tracker.Time.GetLocalNow().DateTime),
            Limits = new SolverLimits { TimeLimit = TimeSpan.FromSeconds(20), RelativeGap = 0.01 },
        };
        var expected = ProgrammeComputation.Run(new DatasetContext(new GeoPackageStore(SharedData.SampleCity), NormsSet.BuiltIn), options, null, cases);

        var (status, body) = await sample.App.Client().GetJsonAsync("/api/programme?from=2026&to=2028&budget=30&levels=thcs,tieu_hoc&solver=greedy");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Stamp.Id, body.GetProperty("stamp").GetProperty("stamp_id").GetString());
        Assert.Equal("programme", body.GetProperty("stamp").GetProperty("computation").GetString());
        var s = expected.Result.Base;
        var projects = s.Projects();
        // The sample city needs classrooms at these levels, so the comparison is not of two empty lists.
        Assert.NotEmpty(projects);
        var features = body.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(projects.Select(p => (p.Action.Id, p.Start, p.Finish, p.Action.Classrooms, p.Action.CostVnd, p.Action.WardCode, p.Action.LandStatus)),
            features.Select(f => f.GetProperty("properties")).Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("start_year").GetInt32(),
                p.GetProperty("finish_year").GetInt32(), p.GetProperty("classrooms").GetInt32(), p.GetProperty("cost_vnd").GetDecimal(),
                p.GetProperty("ward_code").GetString()!, p.GetProperty("land_status").GetString()!)));
        Assert.All(features, f =>
        {
            var p = f.GetProperty("properties");
            Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString());
            Assert.Equal(expected.Stamp.Id, p.GetProperty("stamp_id").GetString());
            // The cost by year adds up to the project's cost, spent only in its construction years.
            var byYear = p.GetProperty("cost_by_year").EnumerateObject().ToList();
            Assert.Equal(p.GetProperty("cost_vnd").GetDecimal(), byYear.Sum(y => y.Value.GetDecimal()), 0);
            Assert.All(byYear, y => Assert.InRange(int.Parse(y.Name, CultureInfo.InvariantCulture), p.GetProperty("start_year").GetInt32(), p.GetProperty("finish_year").GetInt32()));
        });
        var spend = body.GetProperty("programme").GetProperty("spend_vnd");
        Assert.All(s.Instance.Years, y => Assert.Equal(s.ChosenOutcome.Spend.GetValueOrDefault(y), spend.GetProperty(y.ToString(CultureInfo.InvariantCulture)).GetDecimal()));
        Assert.Equal(30e9m, body.GetProperty("programme").GetProperty("budget_vnd").GetProperty("2027").GetDecimal());

        var cells = s.Instance.Needs.Select((c, i) => (c, after: s.ChosenOutcome.Remaining[i])).ToList();
        var rows = body.GetProperty("trajectory").EnumerateArray().ToList();
        Assert.Equal(cells.Select(x => (x.c.WardCode, x.c.Year)).Distinct().Count(), rows.Count);
        Assert.All(rows, r =>
        {
            var mine = cells.Where(x => x.c.WardCode == r.GetProperty("ward_code").GetString() && x.c.Year == r.GetProperty("year").GetInt32()).ToList();
            Assert.Equal(Math.Round(mine.Sum(x => x.c.ShortagePupils), 1), r.GetProperty("before").GetDouble());
            Assert.Equal(Math.Round(mine.Sum(x => x.after), 1), r.GetProperty("after").GetDouble());
        });
        // The programme lowers the need somewhere in its last year, as its projects serve from then.
        Assert.Contains(rows, r => r.GetProperty("year").GetInt32() == 2028 && r.GetProperty("after").GetDouble() < r.GetProperty("before").GetDouble());
    }

    [Fact]
    public async Task Scenarios_equity_and_unit_costs_come_from_the_same_computation_as_the_command()
    {
        var tracker = sample.App.App.Services.GetRequiredService<TrackerContext>();
        var cases = await tracker.Store.ListCasesAsync(cancel: TestContext.Current.CancellationToken);
        var options = new ProgrammeOptions(2026, 2028, new ProgrammeBudget(new Dictionary<int, decimal> { [2026] = 30e9m, [2027] = 30e9m, [2028] = 30e9m }, false))
        {
            Levels = ["tieu_hoc"],
            AsOf = DateOnly.FromDateTime(tracker.Time.GetLocalNow().DateTime),
            Equity = new EquityRule(0.5, 2028),
            Scenarios = ["budget-20%", "growth-high"],
            Limits = new SolverLimits { TimeLimit = TimeSpan.FromSeconds(20), RelativeGap = 0.01 },
        };
        var expected = ProgrammeComputation.Run(new DatasetContext(new GeoPackageStore(SharedData.SampleCity), NormsSet.BuiltIn), options, null, cases).Result;

        var (status, body) = await sample.App.Client().GetJsonAsync(
            "/api/programme?from=2026&to=2028&budget=30&levels=tieu_hoc&solver=greedy&equity=0.5@2028&scenarios=budget-20%25,growth-high");

        Assert.Equal(HttpStatusCode.OK, status);
        var summary = body.GetProperty("programme");
        var rows = summary.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["base", "budget-20%", "growth-high"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.All(rows.Zip(expected.Scenarios), p =>
        {
            Assert.Equal(Math.Round(p.Second.ChosenOutcome.PupilYears, 1), p.First.GetProperty("pupil_years_after").GetDouble());
            Assert.Equal(p.Second.Projects().Sum(x => x.Action.CostVnd), p.First.GetProperty("cost_vnd").GetDecimal());
            Assert.Equal(p.Second.Projects().Count, p.First.GetProperty("projects").GetInt32());
        });
        // 80 % of 3 × 30 billion; growth-high has more pupils before any programme than the base.
        Assert.Equal(72e9m, rows[1].GetProperty("budget_vnd").GetDecimal());
        Assert.True(rows[2].GetProperty("pupil_years_before").GetDouble() > rows[0].GetProperty("pupil_years_before").GetDouble());
        Assert.Equal(0.5, summary.GetProperty("equity").GetProperty("share").GetDouble());
        Assert.Equal(expected.Base.ChosenOutcome.Feasible, summary.GetProperty("equity").GetProperty("kept").GetBoolean());
        var costs = summary.GetProperty("unit_costs").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(7_200_000m, costs["cost.vnd_per_m2_floor.tieu_hoc"].GetProperty("value").GetDecimal());
        Assert.Equal("unconfirmed", costs["cost.vnd_per_m2_floor.tieu_hoc"].GetProperty("status").GetString());
        Assert.Equal(180m, costs["cost.floor_m2_per_classroom.tieu_hoc"].GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("from=2026&to=2030", "budget")]
    [InlineData("from=2026&to=2030&budget=many", "budget")]
    [InlineData("from=20x6&budget=10", "from")]
    [InlineData("from=2030&to=2026&budget=10", "to")]
    [InlineData("budget=10&levels=dai_hoc", "levels")]
    [InlineData("budget=10&carryOver=yes", "carryOver")]
    [InlineData("budget=10&timeLimit=600", "timeLimit")]
    [InlineData("budget=10&solver=cplex", "solver")]
    [InlineData("budget=10&scenarios=budget-50%", "scenarios")]
    [InlineData("budget=10&equity=0.1@2040", "equity")]
    [InlineData("budget=10&equity=2@2030", "equity")]
    [InlineData("budget=10&method=grid", "method")]
    [InlineData("budget=10&method=catchment&equity=0.2@2030", "equity")]
    [InlineData("budget=10&method=catchment&scenarios=growth-high", "scenarios")]
    public async Task A_bad_parameter_is_a_json_400_naming_it(string query, string name)
    {
        var (status, body) = await sample.App.Client().GetJsonAsync("/api/programme?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error");
        Assert.Equal("bad-parameter", error.GetProperty("code").GetString());
        Assert.Contains($"'{name}'", error.GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.Contains($"'{name}'", error.GetProperty("en").GetString(), StringComparison.Ordinal);
    }
}
