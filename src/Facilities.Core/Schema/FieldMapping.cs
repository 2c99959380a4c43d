using System.Text.Json;

namespace Facilities.Core.Schema;

/// <summary>
/// Maps the field names and coded values of agency files onto the schema (docs/mapping.md). The built-in
/// Vietnamese mapping is always applied; a user's mapping file is layered on top and wins on conflicts.
/// </summary>
public sealed class FieldMapping
{
    private readonly Dictionary<string, Dictionary<string, string>> _fields;
    private readonly Dictionary<string, Dictionary<string, string>> _values;

    private FieldMapping(string version, Dictionary<string, Dictionary<string, string>> fields, Dictionary<string, Dictionary<string, string>> values)
    {
        Version = version;
        _fields = fields;
        _values = values;
    }

    /// <summary>Version label of the mapping (the built-in one, or "built-in+file").</summary>
    public string Version { get; }

    /// <summary>The built-in mapping of common Vietnamese field names and values.</summary>
    public static FieldMapping BuiltIn { get; } = LoadBuiltIn();

    /// <summary>Parses a mapping JSON document; throws <see cref="FormatException"/> naming the problem.</summary>
    public static FieldMapping Parse(string json, string sourceName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";
            var fields = ReadSection(root, "fields");
            var values = ReadSection(root, "values");
            Check(fields, values, sourceName);
            return new FieldMapping(version, fields, values);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"{sourceName}: not a valid mapping file: {e.Message}", e);
        }
    }

    /// <summary>A mapping whose entries are this one's overridden by <paramref name="overrides"/>.</summary>
    public FieldMapping With(FieldMapping overrides)
    {
        static Dictionary<string, Dictionary<string, string>> Merge(
            Dictionary<string, Dictionary<string, string>> a, Dictionary<string, Dictionary<string, string>> b)
        {
            var result = a.ToDictionary(kv => kv.Key, kv => new Dictionary<string, string>(kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var (section, entries) in b)
            {
                if (!result.TryGetValue(section, out var target))
                {
                    result[section] = target = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                foreach (var (k, v) in entries)
                {
                    target[k] = v;
                }
            }

            return result;
        }

        return new FieldMapping($"{Version}+{overrides.Version}", Merge(_fields, overrides._fields), Merge(_values, overrides._values));
    }

    /// <summary>
    /// The schema field a source field maps to for a layer, or null. Exact schema names win over aliases;
    /// layer-specific aliases win over the "*" aliases.
    /// </summary>
    public string? MapField(LayerSchema layer, string sourceName)
    {
        // CamelCase split first ("DienTich" → dien_tich), then as names were matched before ("dientich").
        var key = NameNormalizer.Normalize(sourceName);
        var unsplit = NameNormalizer.Normalize(sourceName, splitCamelCase: false);
        var target = MapKey(layer, key) ?? (unsplit == key ? null : MapKey(layer, unsplit));
        if (target is not null)
        {
            return target;
        }

        // dBASE cuts field names at 10 characters: "so_phong_hoc" arrives as "so_phong_h". Accept a cut name
        // when exactly one schema field or alias starts with it.
        return sourceName.Trim().Length == DbfNameLimit ? MapTruncated(layer, unsplit) ?? MapTruncated(layer, key) : null;
    }

    private string? MapKey(LayerSchema layer, string key)
    {
        if (layer.Field(key) is not null)
        {
            return key;
        }

        if (_fields.TryGetValue(layer.Name, out var specific) && specific.TryGetValue(key, out var target))
        {
            return target;
        }

        return _fields.TryGetValue("*", out var common) && common.TryGetValue(key, out target) ? target : null;
    }

    /// <summary>
    /// The schema field whose name or alias is most like <paramref name="sourceName"/> (character-pair
    /// similarity of the normalised names, at least <see cref="SuggestThreshold"/>), for a column kept as an
    /// extra; null when nothing is close.
    /// </summary>
    public string? Suggest(LayerSchema layer, string sourceName)
    {
        var key = NameNormalizer.Normalize(sourceName);
        var candidates = layer.Fields.Select(f => (Name: f.Name, Target: f.Name));
        foreach (var section in new[] { layer.Name, "*" })
        {
            if (_fields.TryGetValue(section, out var aliases))
            {
                candidates = candidates.Concat(aliases.Where(a => layer.Field(a.Value) is not null).Select(a => (Name: a.Key, Target: a.Value)));
            }
        }

        string? best = null;
        var bestScore = 0.0;
        foreach (var (name, target) in candidates)
        {
            var score = Similarity.Dice(key, name);
            if (score > bestScore || (score == bestScore && best is not null && string.CompareOrdinal(target, best) < 0))
            {
                best = target;
                bestScore = score;
            }
        }

        return bestScore >= SuggestThreshold ? best : null;
    }

    /// <summary>Least similarity (0–1) for <see cref="Suggest"/> to name a field: half the character pairs shared.</summary>
    public const double SuggestThreshold = 0.5;

    /// <summary>Longest field name a dBASE (.dbf) file can hold.</summary>
    public const int DbfNameLimit = 10;

    private string? MapTruncated(LayerSchema layer, string key)
    {
        var targets = layer.Fields.Where(f => f.Name.StartsWith(key, StringComparison.Ordinal)).Select(f => f.Name);
        foreach (var section in new[] { layer.Name, "*" })
        {
            if (_fields.TryGetValue(section, out var aliases))
            {
                targets = targets.Concat(aliases.Where(a => a.Key.StartsWith(key, StringComparison.Ordinal) && layer.Field(a.Value) is not null).Select(a => a.Value));
            }
        }

        var distinct = targets.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }

    /// <summary>The code a source value of an enumerated field maps to, or null when it is unknown.</summary>
    public string? MapValue(FieldSpec field, string sourceValue)
    {
        // Values are matched without the CamelCase split first ("ThCS" is THCS, not "th_cs"), then with it.
        var unsplit = NameNormalizer.Normalize(sourceValue, splitCamelCase: false);
        var split = NameNormalizer.Normalize(sourceValue);
        return MapValueKey(field, unsplit) ?? (split == unsplit ? null : MapValueKey(field, split));
    }

    private string? MapValueKey(FieldSpec field, string key)
    {
        if (field.AllowedValues is { } allowed && allowed.Contains(key))
        {
            return key;
        }

        // A user map that points at a code the schema does not allow is not a valid mapping.
        return _values.TryGetValue(field.Name, out var map) && map.TryGetValue(key, out var code)
               && (field.AllowedValues is null || field.AllowedValues.Contains(code))
            ? code
            : null;
    }

    // Typos in a mapping file would silently turn a field into an extra; refuse them with the entry's name.
    private static void Check(Dictionary<string, Dictionary<string, string>> fields, Dictionary<string, Dictionary<string, string>> values, string source)
    {
        foreach (var (section, entries) in fields)
        {
            var layers = section == "*" ? DatasetSchema.Layers : DatasetSchema.Find(section) is { } l ? [l] : null;
            if (layers is null)
            {
                throw new FormatException($"{source}: fields.{section}: no such layer; layers are {string.Join(", ", DatasetSchema.Layers.Select(x => x.Name))}, or \"*\"");
            }

            foreach (var (alias, target) in entries)
            {
                if (!layers.Any(x => x.Field(target) is not null))
                {
                    throw new FormatException($"{source}: fields.{section}.{alias}: '{target}' is not a field of {section}");
                }
            }
        }

        foreach (var (field, entries) in values)
        {
            var spec = DatasetSchema.Layers.SelectMany(l => l.Fields).FirstOrDefault(f => f.Name == field && f.AllowedValues is not null)
                ?? throw new FormatException($"{source}: values.{field}: not a coded field");
            foreach (var (value, code) in entries)
            {
                if (!spec.AllowedValues!.Contains(code))
                {
                    throw new FormatException($"{source}: values.{field}.{value}: '{code}' is not one of {string.Join(", ", spec.AllowedValues!)}");
                }
            }
        }
    }

    private static Dictionary<string, Dictionary<string, string>> ReadSection(JsonElement root, string name)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var section))
        {
            return result;
        }

        foreach (var group in section.EnumerateObject())
        {
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in group.Value.EnumerateObject())
            {
                entries[NameNormalizer.Normalize(e.Name)] = e.Value.GetString()
                    ?? throw new InvalidOperationException($"'{name}.{group.Name}.{e.Name}' must be a string");
            }

            result[group.Name] = entries;
        }

        return result;
    }

    private static FieldMapping LoadBuiltIn()
    {
        using var stream = typeof(FieldMapping).Assembly.GetManifestResourceStream("Facilities.Core.field-mapping.json")
            ?? throw new InvalidOperationException("built-in field mapping resource is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in mapping");
    }
}
