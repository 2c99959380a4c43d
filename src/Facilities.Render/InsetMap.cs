using SkiaSharp;

namespace Facilities.Render;

/// <summary>One inset: an outlying group drawn at its own scale in a framed box inside the map frame.</summary>
/// <param name="Features">The features of the group.</param>
/// <param name="Box">The framed box, in pixels.</param>
/// <param name="MapArea">The part of the box the features are fitted into.</param>
/// <param name="Transform">Metres to pixels inside <paramref name="MapArea"/>.</param>
/// <param name="Caption">The group's labels, wrapped, drawn at the top of the box.</param>
internal sealed record InsetMap(IReadOnlyList<MapFeature> Features, SKRect Box, SKRect MapArea, MapTransform Transform, IReadOnlyList<string> Caption);
