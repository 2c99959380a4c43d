namespace Facilities.Render;

/// <summary>What goes into the map frame of one layout: main-body features, their transform, insets, names and numbered key.</summary>
internal sealed record SheetPlan(
    IReadOnlyList<MapFeature> Main, MapTransform? Transform, IReadOnlyList<InsetMap> Insets, LabelPlan Labels, List<KeyEntry> Key);
