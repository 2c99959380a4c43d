using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// The tracker's settings: step names, which steps pause the clock, time limits in working days and the working-day
/// calendar, each value with its source and status. The national defaults are embedded (Tracker/tracker.vn.json); a
/// province file layered on with <see cref="WithOverrides"/> may change any of them.
/// </summary>
public sealed class TrackerConfig
{
    private readonly IReadOnlyDictionary<CaseStep, StepSettings> _steps;

    internal TrackerConfig(
        string version,
        string sha256,
        ProcedureInfo procedure,
        IReadOnlyDictionary<CaseStep, StepSettings> steps,
        IReadOnlyDictionary<string, TimeLimit> timeLimits,
        CalendarRules calendar)
    {
        Version = version;
        Sha256 = sha256;
        Procedure = procedure;
        _steps = steps;
        TimeLimits = timeLimits;
        Calendar = calendar;
    }

    /// <summary>Version label (the province file's when one is layered on).</summary>
    public string Version { get; }

    /// <summary>SHA-256 of the configuration text(s), for result stamps.</summary>
    public string Sha256 { get; }

    /// <summary>The national procedure (1.012753) with its source and status.</summary>
    public ProcedureInfo Procedure { get; }

    /// <summary>Settings of every step, in procedure order.</summary>
    public IReadOnlyList<StepSettings> Steps => [.. CaseSteps.All.Select(s => _steps[s])];

    /// <summary>Time limits by key: "default", "unit_type.&lt;type&gt;", "commune.&lt;code&gt;".</summary>
    public IReadOnlyDictionary<string, TimeLimit> TimeLimits { get; }

    /// <summary>The working-day calendar rules.</summary>
    public CalendarRules Calendar { get; }

    /// <summary>The national defaults shipped with the tool.</summary>
    public static TrackerConfig BuiltIn { get; } = TrackerConfigReader.Read(ReadResource(), "built-in tracker config", null);

    /// <summary>The text of the built-in file, to copy as a starting point for a province file.</summary>
    public static string BuiltInText => ReadResource();

    /// <summary>Settings of one step.</summary>
    public StepSettings Step(CaseStep step) => _steps[step];

    /// <summary>The step's name in Vietnamese and English.</summary>
    public LocalizedText StepName(CaseStep step) => _steps[step].Name;

    /// <summary>Whether the clock runs, is paused or has stopped at a step.</summary>
    public StepClock ClockAt(CaseStep step) => _steps[step].Clock;

    /// <summary>
    /// The limit for a site: its commune's own limit if the province set one ("commune.&lt;code&gt;"), else its unit
    /// type's ("unit_type.dac_khu": 30 days), else the default (20 days).
    /// </summary>
    public TimeLimit TimeLimitFor(CaseSite site) =>
        TimeLimits.TryGetValue("commune." + site.CommuneCode, out var byCommune) ? byCommune
        : TimeLimits.TryGetValue("unit_type." + site.UnitType, out var byType) ? byType
        : TimeLimits["default"];

    /// <summary>Parses a complete configuration; throws <see cref="FormatException"/> naming the file and entry.</summary>
    public static TrackerConfig Parse(string json, string sourceName) => TrackerConfigReader.Read(json, sourceName, null);

    /// <summary>
    /// This configuration with a province file layered on: entries it names replace or extend these (by step code,
    /// limit key, holiday key and adjustment date); the result takes its version.
    /// </summary>
    public TrackerConfig WithOverrides(string json, string sourceName) => TrackerConfigReader.Read(json, sourceName, this);

    /// <summary>
    /// This configuration with a calendar file layered on (<c>--calendar FILE</c>): the official day swaps and extra
    /// holidays of a year, as a <c>calendar</c> section ({"version": …, "calendar": {"adjustments": …, "holidays": …}})
    /// or that section alone. Entries replace the built-in ones by date and key; the version becomes
    /// "&lt;this version&gt;+&lt;file version or name&gt;".
    /// </summary>
    public TrackerConfig WithCalendarFile(string json, string sourceName)
    {
        string section;
        string label;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new FormatException($"{sourceName}: a calendar file is a JSON object with \"adjustments\" and/or \"holidays\"");
            }

            var inner = root.TryGetProperty("calendar", out var c) ? c : root;
            section = inner.GetRawText();
            label = root.TryGetProperty("version", out var v) && v.GetString() is { Length: > 0 } text ? text : sourceName;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"{sourceName}: not valid JSON: {e.Message}", e);
        }

        var wrapped = "{\"version\": " + System.Text.Json.JsonSerializer.Serialize(Version + "+" + label) + ", \"calendar\": " + section + "}";
        return TrackerConfigReader.Read(wrapped, sourceName, this);
    }

    private static string ReadResource()
    {
        using var stream = typeof(TrackerConfig).Assembly.GetManifestResourceStream("Facilities.Core.tracker.vn.json")
            ?? throw new InvalidOperationException("built-in tracker config resource is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
