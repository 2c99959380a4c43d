using Facilities.Core.Spatial;

namespace Facilities.Formats.Readers.Tables;

/// <summary>How <see cref="TableLayerBuilder"/> reads cells.</summary>
/// <param name="CrsOverride">The user's --crs: projected X/Y are read in it.</param>
/// <param name="TextCells">True for a CSV: every cell is text, so decimal commas are looked for.</param>
/// <param name="Decimal">The user's --decimal: ',' or '.', or null to detect per column.</param>
public sealed record TableOptions(CrsDefinition? CrsOverride, bool TextCells, char? Decimal);
