using System.Globalization;
using System.Text.Json;

namespace Facilities.Core.Screening;

/// <summary>
/// Weights of the soft score's criteria (points out of their sum, 100 by default) and the value of each owner type
/// for the land-status criterion. Read from a small JSON file (docs/sites.md); absent keys keep their default.
/// </summary>
/// <remarks>
/// ASSUMPTION: the defaults (35 rooms short, 25 unserved pupils, 15 distance to the nearest school, 15 land status,
/// 10 area margin; state land 1, organisation 0.5, household 0) are a planning starting point, not a norm.
/// </remarks>
public sealed record ScoreWeights
{
    /// <summary>Criterion codes in output order.</summary>
    public static readonly IReadOnlyList<string> Criteria = ["rooms_short", "unserved_pupils", "school_distance", "land_status", "area_margin"];

    /// <summary>The built-in weights.</summary>
    public static ScoreWeights Default { get; } = new();

    /// <summary>Points for rooms short within the service radius.</summary>
    public decimal RoomsShort { get; init; } = 35;

    /// <summary>Points for pupils no school reaches within the service radius.</summary>
    public decimal UnservedPupils { get; init; } = 25;

    /// <summary>Points for distance to the nearest school of the level.</summary>
    public decimal SchoolDistance { get; init; } = 15;

    /// <summary>Points for land status (state land needs no compensation or clearance).</summary>
    public decimal LandStatus { get; init; } = 15;

    /// <summary>Points for area beyond the minimum site area.</summary>
    public decimal AreaMargin { get; init; } = 10;

    /// <summary>Land-status value (0..1) per owner_type; an owner not listed, or unknown, scores 0.</summary>
    public IReadOnlyDictionary<string, decimal> OwnerValues { get; init; } = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["household"] = 0m,
        ["organisation"] = 0.5m,
        ["state"] = 1m,
    };

    /// <summary>The weight of a criterion by code.</summary>
    public decimal this[string criterion] => criterion switch
    {
        "rooms_short" => RoomsShort,
        "unserved_pupils" => UnservedPupils,
        "school_distance" => SchoolDistance,
        "land_status" => LandStatus,
        "area_margin" => AreaMargin,
        _ => throw new KeyNotFoundException($"unknown criterion '{criterion}'"),
    };

    /// <summary>
    /// Parses <c>{ "weights": { "rooms_short": 35, ... }, "land_status": { "state": 1, ... } }</c> over the defaults;
    /// throws <see cref="FormatException"/> naming the file and entry for unknown keys or out-of-range values.
    /// </summary>
    public static ScoreWeights Parse(string json, string sourceName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var result = Default;
            foreach (var section in doc.RootElement.EnumerateObject())
            {
                if (section.Name == "weights")
                {
                    foreach (var w in section.Value.EnumerateObject())
                    {
                        var v = w.Value.GetDecimal();
                        if (v < 0)
                        {
                            throw new FormatException($"{sourceName}: weights.{w.Name} must not be negative");
                        }

                        result = w.Name switch
                        {
                            "rooms_short" => result with { RoomsShort = v },
                            "unserved_pupils" => result with { UnservedPupils = v },
                            "school_distance" => result with { SchoolDistance = v },
                            "land_status" => result with { LandStatus = v },
                            "area_margin" => result with { AreaMargin = v },
                            _ => throw new FormatException($"{sourceName}: weights.{w.Name} is not a criterion; use {string.Join(", ", Criteria)}"),
                        };
                    }
                }
                else if (section.Name == "land_status")
                {
                    var owners = new SortedDictionary<string, decimal>(result.OwnerValues.ToDictionary(), StringComparer.Ordinal);
                    foreach (var o in section.Value.EnumerateObject())
                    {
                        var v = o.Value.GetDecimal();
                        owners[o.Name] = v is >= 0 and <= 1 ? v : throw new FormatException($"{sourceName}: land_status.{o.Name} must be between 0 and 1");
                    }

                    result = result with { OwnerValues = owners };
                }
                else if (section.Name is not ("version" or "notes"))
                {
                    throw new FormatException($"{sourceName}: unknown section '{section.Name}'; use weights and land_status");
                }
            }

            return result.Total > 0 ? result : throw new FormatException($"{sourceName}: the weights add up to 0");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"{sourceName}: not a valid weights file: {e.Message}", e);
        }
    }

    /// <summary>Sum of the weights: the most a site can score.</summary>
    public decimal Total => RoomsShort + UnservedPupils + SchoolDistance + LandStatus + AreaMargin;

    /// <summary>The weights as stable key=value text for the stamp.</summary>
    public string Describe() => string.Join(",", Criteria.Select(c => c + "=" + this[c].ToString(CultureInfo.InvariantCulture)))
        + "; land_status=" + string.Join(",", OwnerValues.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + ":" + o.Value.ToString(CultureInfo.InvariantCulture)));
}
