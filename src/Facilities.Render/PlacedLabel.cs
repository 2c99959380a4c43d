using SkiaSharp;

namespace Facilities.Render;

/// <summary>A name placed on the map: its lines, centre, box (for collision tests) and font size at a 1600 × 1200 sheet.</summary>
internal sealed record PlacedLabel(IReadOnlyList<string> Lines, SKPoint Centre, SKRect Box, float Size);
