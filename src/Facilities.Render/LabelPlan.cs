using SkiaSharp;

namespace Facilities.Render;

/// <summary>The names that fit inside their polygons, and the features that get a number and a line in the key instead.</summary>
internal sealed record LabelPlan(IReadOnlyList<PlacedLabel> Placed, IReadOnlyList<(MapFeature Feature, SKPoint Anchor)> Unplaced);
