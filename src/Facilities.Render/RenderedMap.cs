namespace Facilities.Render;

/// <summary>A rendered sheet with what made it, so tests can find the parts of the image.</summary>
/// <param name="Png">The PNG file.</param>
/// <param name="Layout">Where each part went.</param>
/// <param name="Transform">Metres to pixels of the main map; null when no feature had a geometry.</param>
/// <param name="Classes">The classification used.</param>
/// <param name="LabelsDrawn">Feature labels that fitted and were drawn on the main map.</param>
/// <param name="Insets">Outlying features drawn in insets at their own scale; <paramref name="Transform"/> is the main map's only.</param>
internal sealed record RenderedMap(byte[] Png, MapLayout Layout, MapTransform? Transform, Classification Classes, int LabelsDrawn, IReadOnlyList<InsetMap> Insets)
{
    /// <summary>The names drawn on the main map, with their boxes.</summary>
    public IReadOnlyList<PlacedLabel> Labels { get; init; } = [];

    /// <summary>Features numbered on the map and listed in the key.</summary>
    public IReadOnlyList<KeyEntry> Key { get; init; } = [];

    /// <summary>Where the key list was drawn.</summary>
    public SkiaSharp.SKRect KeyBox { get; init; }
}
