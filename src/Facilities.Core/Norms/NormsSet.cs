using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Facilities.Core.Norms;

/// <summary>
/// The versioned norms every computation reads: class caps, room ratios, places per 1,000, age shares, enrolment,
/// land per pupil, service radii. The built-in national defaults (Norms/norms.vn.json) carry each value's source;
/// a province file overrides any subset and gives its own version.
/// </summary>
public sealed class NormsSet
{
    private static readonly string[] Statuses = ["confirmed", "secondary", "unconfirmed"];
    private readonly SortedDictionary<string, NormValue> _values;
    private readonly NormsReadLog? _log;

    private NormsSet(string version, string sha256, SortedDictionary<string, NormValue> values, NormsReadLog? log = null)
    {
        Version = version;
        Sha256 = sha256;
        _values = values;
        _log = log;
    }

    /// <summary>Version label (the province file's when one is layered on).</summary>
    public string Version { get; }

    /// <summary>SHA-256 of the norms text(s) this set was built from, for result stamps.</summary>
    public string Sha256 { get; }

    /// <summary>All values by key.</summary>
    public IReadOnlyCollection<NormValue> Values => _values.Values;

    /// <summary>The national defaults shipped with the tool.</summary>
    public static NormsSet BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The text of the built-in norms file, to copy as a starting point for a province file.</summary>
    public static string BuiltInText { get; } = ReadResource();

    /// <summary>The value of a norm; throws <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    public decimal this[string key] => Get(key).Value;

    /// <summary>Whether the set has a norm with this key.</summary>
    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>The norm with its source (recorded in the read log, when this set has one).</summary>
    public NormValue Get(string key)
    {
        if (!_values.TryGetValue(key, out var v))
        {
            throw new KeyNotFoundException($"norm '{key}' is not in norms {Version}");
        }

        _log?.Add(key);
        return v;
    }

    /// <summary>
    /// The same norms, recording every value read through <see cref="Get"/> or the indexer into <paramref name="log"/>
    /// (<see cref="Contains"/> and <see cref="Values"/> are not reads of a value the result depends on).
    /// </summary>
    public NormsSet RecordingInto(NormsReadLog log) => new(Version, Sha256, _values, log);

    /// <summary>
    /// The same norms without recording: for a value read only to keep arithmetic identical where the result cannot
    /// depend on it (a factor of zero).
    /// </summary>
    public NormsSet Unrecorded => _log is null ? this : new(Version, Sha256, _values);

    /// <summary>Parses a norms JSON text; throws <see cref="FormatException"/> naming the file and entry.</summary>
    public static NormsSet Parse(string json, string sourceName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var version = root.GetProperty("version").GetString();
            if (string.IsNullOrWhiteSpace(version))
            {
                throw new FormatException($"{sourceName}: 'version' is empty");
            }

            var values = new SortedDictionary<string, NormValue>(StringComparer.Ordinal);
            foreach (var e in root.GetProperty("values").EnumerateObject())
            {
                var v = e.Value;
                var status = v.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "unconfirmed";
                if (!Statuses.Contains(status))
                {
                    throw new FormatException($"{sourceName}: values.{e.Name}.status must be confirmed, secondary or unconfirmed");
                }

                var source = v.TryGetProperty("source", out var src) ? src.GetString() ?? "" : "";
                if (source.Length == 0)
                {
                    throw new FormatException($"{sourceName}: values.{e.Name} has no 'source'; every norm must cite its regulation");
                }

                var value = v.GetProperty("value").GetDecimal();
                if (RangeProblem(e.Name, value) is { } problem)
                {
                    throw new FormatException($"{sourceName}: values.{e.Name} = {value}: {problem}");
                }

                values[e.Name] = new NormValue(e.Name, value, v.TryGetProperty("unit", out var u) ? u.GetString() ?? "" : "", status, source);
            }

            return new NormsSet(version!, Hash(json), values);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{sourceName}: not a valid norms file: {e.Message}", e);
        }
    }

    /// <summary>This set with <paramref name="overrides"/> layered on; the result takes the override's version.</summary>
    public NormsSet With(NormsSet overrides)
    {
        var merged = new SortedDictionary<string, NormValue>(_values, StringComparer.Ordinal);
        foreach (var (k, v) in overrides._values)
        {
            // A misspelt key would silently leave the national value in force.
            if (!_values.ContainsKey(k) && !k.StartsWith("sports_ground_m2_per_pupil.", StringComparison.Ordinal)
                && !k.StartsWith("pupils_per_standard_toilet.", StringComparison.Ordinal))
            {
                throw new FormatException($"values.{k}: no such norm; the keys are those of the built-in norms file (facilities norms)");
            }

            merged[k] = v;
        }

        return new NormsSet(overrides.Version, Hash(Sha256 + overrides.Sha256), merged);
    }

    /// <summary>A copy with one value changed (command-line options such as a class cap).</summary>
    public NormsSet WithValue(string key, decimal value, string source)
    {
        var merged = new SortedDictionary<string, NormValue>(_values, StringComparer.Ordinal)
        {
            [key] = new NormValue(key, value, _values.TryGetValue(key, out var old) ? old.Unit : "", "unconfirmed", source),
        };
        return new NormsSet(Version + "+" + key, Hash(Sha256 + key + value.ToString(System.Globalization.CultureInfo.InvariantCulture)), merged);
    }

    // Values that cannot be right, so a typo in a province file fails loudly instead of dividing by zero.
    private static string? RangeProblem(string key, decimal value) => key switch
    {
        _ when key.StartsWith("class_cap.", StringComparison.Ordinal) => value >= 1 && value == decimal.Truncate(value) ? null : "a class cap must be a whole number ≥ 1",
        _ when key.StartsWith("room_ratio", StringComparison.Ordinal) => value is > 0 and <= 2 ? null : "rooms per class must be in (0, 2]",
        _ when key.StartsWith("age_share.", StringComparison.Ordinal) || key.StartsWith("enrolment_rate.", StringComparison.Ordinal) =>
            value is >= 0 and <= 1 ? null : "a share must be between 0 and 1",
        _ when key.StartsWith("max_classes.", StringComparison.Ordinal) => value >= 1 && value == decimal.Truncate(value) ? null : "a school size must be a whole number of classes ≥ 1",
        _ when key.StartsWith("min_classes.", StringComparison.Ordinal) || key.StartsWith("subject_rooms_required.", StringComparison.Ordinal) =>
            value >= 0 && value == decimal.Truncate(value) ? null : "must be a whole number ≥ 0",
        _ when key.StartsWith("pupils_per_standard_toilet.", StringComparison.Ordinal) => value > 0 ? null : "must be > 0",
        _ => value >= 0 ? null : "must not be negative",
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string ReadResource()
    {
        using var stream = typeof(NormsSet).Assembly.GetManifestResourceStream("Facilities.Core.norms.vn.json")
            ?? throw new InvalidOperationException("built-in norms resource is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static NormsSet LoadBuiltIn() => Parse(ReadResource(), "built-in norms");
}
