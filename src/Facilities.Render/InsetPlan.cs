namespace Facilities.Render;

/// <summary>Which features the main map shows and which outlying groups go into insets of their own scale.</summary>
/// <param name="Main">Features drawn on the main map, in input order.</param>
/// <param name="Groups">Outlying groups, each drawn in one inset, ordered by their first feature's input position.</param>
internal sealed record InsetPlan(IReadOnlyList<MapFeature> Main, IReadOnlyList<IReadOnlyList<MapFeature>> Groups);
