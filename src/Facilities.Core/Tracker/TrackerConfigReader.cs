using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>Reads tracker.vn.json and province files; every error names the file and the entry.</summary>
internal static class TrackerConfigReader
{
    private static readonly string[] Statuses = ["confirmed", "secondary", "unconfirmed"];

    public static TrackerConfig Read(string json, string source, TrackerConfig? baseConfig)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var version = Text(root, "version", source, "version");
            var procedure = baseConfig?.Procedure;
            if (root.TryGetProperty("procedure", out var p))
            {
                procedure = new ProcedureInfo(Text(p, "code", source, "procedure.code"),
                    new LocalizedText(Text(p, "vi", source, "procedure.vi"), Text(p, "en", source, "procedure.en")),
                    Status(p, source, "procedure"), Text(p, "source", source, "procedure.source"));
            }

            var steps = baseConfig?.Steps.ToDictionary(s => s.Step) ?? [];
            if (root.TryGetProperty("steps", out var stepsElement))
            {
                foreach (var e in stepsElement.EnumerateObject())
                {
                    var step = CaseSteps.TryParse(e.Name, out var s) ? s : throw Error(source, "steps." + e.Name, "is not a step");
                    steps[step] = ReadStep(e.Value, step, steps.GetValueOrDefault(step), source);
                }
            }

            var limits = new SortedDictionary<string, TimeLimit>(
                baseConfig?.TimeLimits.ToDictionary() ?? new Dictionary<string, TimeLimit>(), StringComparer.Ordinal);
            if (root.TryGetProperty("time_limits", out var limitsElement))
            {
                foreach (var e in limitsElement.EnumerateObject())
                {
                    var days = e.Value.GetProperty("value").GetInt32();
                    if (days is < 1 or > 365)
                    {
                        throw Error(source, "time_limits." + e.Name, "must be 1–365 working days");
                    }

                    limits[e.Name] = new TimeLimit(e.Name, days, Status(e.Value, source, "time_limits." + e.Name),
                        Text(e.Value, "source", source, "time_limits." + e.Name + ".source"));
                }
            }

            var calendar = root.TryGetProperty("calendar", out var c)
                ? CalendarReader.Read(c, source, baseConfig?.Calendar)
                : baseConfig?.Calendar ?? throw Error(source, "calendar", "is missing");

            Check(source, procedure, steps, limits);
            var sha = Hash((baseConfig?.Sha256 ?? "") + json);
            return new TrackerConfig(version, sha, procedure!, steps, limits, calendar);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{source}: not a valid tracker config: {e.Message}", e);
        }
    }

    internal static string Text(JsonElement e, string name, string source, string path)
    {
        var value = e.TryGetProperty(name, out var v) ? v.GetString() : null;
        return string.IsNullOrWhiteSpace(value) ? throw Error(source, path, "is missing or empty") : value;
    }

    internal static string Status(JsonElement e, string source, string path)
    {
        var status = e.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "unconfirmed";
        return Statuses.Contains(status) ? status : throw Error(source, path + ".status", "must be confirmed, secondary or unconfirmed");
    }

    internal static FormatException Error(string source, string path, string problem) => new($"{source}: {path} {problem}");

    private static StepSettings ReadStep(JsonElement e, CaseStep step, StepSettings? old, string source)
    {
        var path = "steps." + CaseSteps.Code(step);
        string Field(string name) => e.TryGetProperty(name, out var v) && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : old is null ? throw Error(source, path + "." + name, "is missing or empty") : "";

        var vi = Field("vi");
        var en = Field("en");
        var clockText = Field("clock");
        var clock = clockText.Length == 0 ? old!.Clock : clockText switch
        {
            "runs" => StepClock.Runs,
            "paused" => StepClock.Paused,
            "stopped" => StepClock.Stopped,
            _ => throw Error(source, path + ".clock", "must be runs, paused or stopped"),
        };
        var src = Field("source");
        var status = e.TryGetProperty("status", out _) || old is null ? Status(e, source, path) : old.Status;
        return new StepSettings(step,
            new LocalizedText(vi.Length > 0 ? vi : old!.Name.Vi, en.Length > 0 ? en : old!.Name.En),
            clock, status, src.Length > 0 ? src : old!.Source);
    }

    private static void Check(string source, ProcedureInfo? procedure, Dictionary<CaseStep, StepSettings> steps, SortedDictionary<string, TimeLimit> limits)
    {
        _ = procedure ?? throw Error(source, "procedure", "is missing");
        foreach (var step in CaseSteps.All)
        {
            var settings = steps.TryGetValue(step, out var s) ? s : throw Error(source, "steps." + CaseSteps.Code(step), "is missing");
            var ends = step == CaseStep.NotStarted || CaseSteps.IsTerminal(step);
            if (ends != (settings.Clock == StepClock.Stopped))
            {
                throw Error(source, "steps." + CaseSteps.Code(step) + ".clock",
                    ends ? "must be stopped (no time limit before a dossier or after the end)" : "must be runs or paused");
            }
        }

        if (!limits.ContainsKey("default"))
        {
            throw Error(source, "time_limits.default", "is missing");
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static DateOnly Date(string text, string source, string path) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(source, path, "is not a date yyyy-MM-dd");
}
