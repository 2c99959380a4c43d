namespace Facilities.Reports.Styles;

/// <summary>
/// One legend entry of a ward choropleth: <paramref name="Key"/> is what the style's expression yields for it, and a
/// ward belongs to it by <paramref name="Class"/> (a value class) or, when that is null, by its kind (no data, unknown,
/// no shortage).
/// </summary>
public sealed record WardStyleCategory(string Key, string Label, string Colour, bool Hatched, ColourClass? Class);
