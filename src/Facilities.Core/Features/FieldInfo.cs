namespace Facilities.Core.Features;

/// <summary>A field of a layer: its name and storage type.</summary>
/// <param name="Name">Field name, snake_case for schema fields.</param>
/// <param name="Type">How values are stored.</param>
public sealed record FieldInfo(string Name, FieldType Type);
