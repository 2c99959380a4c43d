using System.Globalization;
using Facilities.Core.Tracker.Procedures;
using Facilities.Core.Validation;

namespace Facilities.Web.Tracker;

/// <summary>The JSON shapes of the procedures and chains (docs/web-api.md): Core owns the steps, the page only shows them.</summary>
internal static class ChainJson
{
    public static object Catalog(ProcedureCatalog c) => new
    {
        version = c.Version,
        readyToBuild = c.ReadyToBuild,
        procedures = c.Procedures.Select(p => new
        {
            code = p.Code,
            name = Name(p.Name),
            order = p.Order,
            requires = p.Requires,
            status = p.Status,
            source = p.Source,
            limits = p.Limits.Values.Select(l => new
            {
                key = l.Key,
                days = l.Days,
                unit = l.Unit == LimitUnit.WorkingDays ? "working_days" : "calendar_days",
                status = l.Status,
                source = l.Source,
            }),
            steps = p.Steps.Select(s => new
            {
                code = s.Code,
                name = Name(s.Name),
                clock = s.Clock.ToString().ToLowerInvariant(),
                kind = s.Kind.ToString().ToLowerInvariant(),
                office = s.Office is null ? null : Name(s.Office),
                moves = p.FixedMoves(s.Code),
            }),
        }),
    };

    public static Dictionary<string, object?> Chain(TrackerContext t, SiteChain chain, bool withMoves)
    {
        var info = t.Info(chain.Site.SiteId);
        return new Dictionary<string, object?>
        {
            ["siteId"] = chain.Site.SiteId,
            ["schoolName"] = info.Name,
            ["communeCode"] = chain.Site.CommuneCode,
            ["communeName"] = t.CommuneName(chain.Site.CommuneCode),
            ["lon"] = info.Lon,
            ["lat"] = info.Lat,
            ["stage"] = chain.Stage,
            ["readyToBuild"] = Day(chain.ReadyToBuild),
            ["criticalPath"] = chain.CriticalPath,
            ["asOf"] = Day(chain.AsOf),
            ["procedures"] = chain.Links.Select(l => new Dictionary<string, object?>
            {
                ["procedure"] = l.Procedure,
                ["name"] = Name(l.State.Definition.Name),
                ["step"] = l.State.Step,
                ["stepName"] = Name(l.State.CurrentStep.Name),
                ["office"] = l.State.CurrentStep.Office is { } office ? Name(office) : null,
                ["version"] = l.State.Version,
                ["receivedOn"] = Day(l.State.ReceivedOn),
                ["dueDate"] = Day(l.State.DueDate),
                ["limitDays"] = l.State.Limit.Days,
                ["limitUnit"] = l.State.Limit.Unit == LimitUnit.WorkingDays ? "working_days" : "calendar_days",
                ["daysUsed"] = l.State.ReceivedOn is null ? null : l.State.Elapsed(chain.AsOf),
                ["overdue"] = l.State.IsOverdue(chain.AsOf),
                ["done"] = l.State.IsDone,
                ["closed"] = l.State.IsClosed,
                ["expectedStart"] = Day(l.ExpectedStart),
                ["expectedFinish"] = Day(l.ExpectedFinish),
                ["waitingFor"] = l.WaitingFor,
                ["critical"] = l.OnCriticalPath,
                ["allowedMoves"] = withMoves
                    ? l.State.AllowedMoves.Select(m => new { step = m, name = Name(l.State.Definition.Step(m).Name) }).ToList()
                    : null,
            }).ToList(),
        };
    }

    public static object Name(LocalizedText text) => new { vi = text.Vi, en = text.En };

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
