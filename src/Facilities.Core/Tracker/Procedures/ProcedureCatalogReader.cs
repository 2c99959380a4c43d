using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Facilities.Core.Validation;
using static Facilities.Core.Tracker.TrackerConfigReader;

namespace Facilities.Core.Tracker.Procedures;

/// <summary>Reads procedures.vn.json and province files; every error names the file and the entry.</summary>
internal static class ProcedureCatalogReader
{
    public static ProcedureCatalog Read(string json, string source, ProcedureCatalog? baseCatalog)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var version = Text(root, "version", source, "version");
            var procedures = baseCatalog?.Procedures.ToDictionary(p => p.Code, StringComparer.Ordinal) ?? new Dictionary<string, ProcedureDefinition>(StringComparer.Ordinal);
            if (root.TryGetProperty("procedures", out var list))
            {
                foreach (var p in list.EnumerateObject())
                {
                    procedures[p.Name] = ReadProcedure(p.Name, p.Value, source);
                }
            }

            var ready = root.TryGetProperty("ready_to_build", out var r)
                ? [.. r.EnumerateArray().Select(x => x.GetString() ?? "")]
                : baseCatalog?.ReadyToBuild ?? throw Error(source, "ready_to_build", "is missing");
            Check(source, procedures, ready);
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((baseCatalog?.Sha256 ?? "") + json)));
            return new ProcedureCatalog(version, sha, [.. procedures.Values.OrderBy(p => p.Order).ThenBy(p => p.Code, StringComparer.Ordinal)], ready);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{source}: not a valid procedures file: {e.Message}", e);
        }
    }

    private static ProcedureDefinition ReadProcedure(string code, JsonElement e, string source)
    {
        var path = "procedures." + code;
        var order = e.TryGetProperty("order", out var o) ? o.GetInt32() : 100;
        var unit = (e.TryGetProperty("limit_unit", out var u) ? u.GetString() : "working_days") switch
        {
            "working_days" => LimitUnit.WorkingDays,
            "calendar_days" => LimitUnit.CalendarDays,
            _ => throw Error(source, path + ".limit_unit", "must be working_days or calendar_days"),
        };
        var steps = new List<ProcedureStep>();
        foreach (var s in e.GetProperty("steps").EnumerateObject())
        {
            var sp = path + ".steps." + s.Name;
            var clock = Text(s.Value, "clock", source, sp + ".clock") switch
            {
                "runs" => StepClock.Runs,
                "paused" => StepClock.Paused,
                "stopped" => StepClock.Stopped,
                _ => throw Error(source, sp + ".clock", "must be runs, paused or stopped"),
            };
            var kind = (s.Value.TryGetProperty("kind", out var k) ? k.GetString() : "normal") switch
            {
                "start" => StepKind.Start,
                "normal" => StepKind.Normal,
                "interruption" => StepKind.Interruption,
                "finish" => StepKind.Finish,
                "skip" => StepKind.Skip,
                "end" => StepKind.End,
                _ => throw Error(source, sp + ".kind", "must be start, normal, interruption, finish, skip or end"),
            };
            LocalizedText? office = s.Value.TryGetProperty("office_vi", out _)
                ? new LocalizedText(Text(s.Value, "office_vi", source, sp + ".office_vi"), Text(s.Value, "office_en", source, sp + ".office_en"))
                : null;
            var status = s.Value.TryGetProperty("status", out _) ? Status(s.Value, source, sp) : "confirmed";
            var stepSource = s.Value.TryGetProperty("source", out var ss) ? ss.GetString() ?? "" : "";
            steps.Add(new ProcedureStep(s.Name, new LocalizedText(Text(s.Value, "vi", source, sp + ".vi"), Text(s.Value, "en", source, sp + ".en")),
                clock, kind, office, status, stepSource));
        }

        var moves = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var m in e.GetProperty("moves").EnumerateObject())
        {
            moves[m.Name] = [.. m.Value.EnumerateArray().Select(x => x.GetString() ?? "")];
        }

        var limits = new SortedDictionary<string, ProcedureLimit>(StringComparer.Ordinal);
        foreach (var l in e.GetProperty("time_limits").EnumerateObject())
        {
            var lp = path + ".time_limits." + l.Name;
            var days = l.Value.GetProperty("value").GetInt32();
            if (days is < 1 or > 365)
            {
                throw Error(source, lp, "must be 1–365 days");
            }

            limits[l.Name] = new ProcedureLimit(l.Name, days, unit, Status(l.Value, source, lp), Text(l.Value, "source", source, lp + ".source"));
        }

        var requires = e.TryGetProperty("requires", out var r) ? [.. r.EnumerateArray().Select(x => x.GetString() ?? "")] : new List<string>();
        var definition = new ProcedureDefinition(code, order, new LocalizedText(Text(e, "vi", source, path + ".vi"), Text(e, "en", source, path + ".en")),
            Status(e, source, path), Text(e, "source", source, path + ".source"), requires, steps, moves, limits);
        CheckProcedure(source, path, definition, moves);
        return definition;
    }

    private static void CheckProcedure(string source, string path, ProcedureDefinition d, Dictionary<string, IReadOnlyList<string>> moves)
    {
        if (d.Steps.Count == 0 || d.Steps[0].Kind != StepKind.Start || d.Steps.Count(s => s.Kind == StepKind.Start) != 1)
        {
            throw Error(source, path + ".steps", "must begin with exactly one step of kind start");
        }

        if (!d.Steps.Any(s => s.Kind == StepKind.Finish))
        {
            throw Error(source, path + ".steps", "needs a step of kind finish");
        }

        foreach (var s in d.Steps)
        {
            var ends = s.Kind == StepKind.Start || s.IsTerminal;
            if (ends != (s.Clock == StepClock.Stopped))
            {
                throw Error(source, path + ".steps." + s.Code + ".clock", ends ? "must be stopped" : "must be runs or paused");
            }

            if (s.IsTerminal && moves.TryGetValue(s.Code, out var m) && m.Count > 0)
            {
                throw Error(source, path + ".moves." + s.Code, "must be empty: the step ends the procedure");
            }
        }

        foreach (var (from, targets) in moves)
        {
            if (d.FindStep(from) is null)
            {
                throw Error(source, path + ".moves." + from, "is not a step");
            }

            foreach (var to in targets.Where(t => d.FindStep(t) is null))
            {
                throw Error(source, path + ".moves." + from, $"has '{to}', not a step");
            }
        }

        if (!d.Limits.ContainsKey("default"))
        {
            throw Error(source, path + ".time_limits.default", "is missing");
        }
    }

    private static void Check(string source, Dictionary<string, ProcedureDefinition> procedures, IReadOnlyList<string> ready)
    {
        foreach (var p in procedures.Values)
        {
            foreach (var r in p.Requires.Where(r => !procedures.ContainsKey(r)))
            {
                throw Error(source, "procedures." + p.Code + ".requires", $"names '{r}', not a procedure");
            }
        }

        foreach (var r in ready.Where(r => !procedures.ContainsKey(r)))
        {
            throw Error(source, "ready_to_build", $"names '{r}', not a procedure");
        }

        // A cycle would make the chain wait for itself.
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string code)
        {
            if (done.Contains(code))
            {
                return;
            }

            if (!visiting.Add(code))
            {
                throw Error(source, "procedures." + code + ".requires", "makes a cycle");
            }

            foreach (var r in procedures[code].Requires)
            {
                Visit(r);
            }

            visiting.Remove(code);
            done.Add(code);
        }

        foreach (var code in procedures.Keys)
        {
            Visit(code);
        }
    }
}
