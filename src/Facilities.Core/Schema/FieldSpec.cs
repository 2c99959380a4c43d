using Facilities.Core.Features;

namespace Facilities.Core.Schema;

/// <summary>A field of the data contract: its name, type and rules.</summary>
/// <param name="Name">snake_case name, part of the contract users and other parts rely on.</param>
/// <param name="Type">Storage type.</param>
/// <param name="Required">Whether every feature must have a value (derived fields are not required).</param>
/// <param name="Description">What the field means, with its unit.</param>
public sealed record FieldSpec(string Name, FieldType Type, bool Required, string Description)
{
    /// <summary>What the field means, in Vietnamese (for messages and reports).</summary>
    public string DescriptionVi { get; init; } = Description;

    /// <summary>Allowed codes for an enumerated text field, or null for free text.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Counts and areas may not be negative.</summary>
    public bool NonNegative { get; init; }

    /// <summary>Derived by the tool when absent (e.g. area_m2 from the geometry, ward_code spatially).</summary>
    public bool Derived { get; init; }
}
