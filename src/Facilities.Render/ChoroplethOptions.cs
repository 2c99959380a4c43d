using Facilities.Core.Validation;

namespace Facilities.Render;

/// <summary>Text and look of a choropleth map.</summary>
/// <param name="Title">Title at the top of the sheet.</param>
/// <param name="LegendTitle">Heading of the legend box.</param>
public sealed record ChoroplethOptions(string Title, string LegendTitle)
{
    /// <summary>Second line under the title, or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Small lines at the bottom of the sheet, e.g. the run stamp or "unconfirmed norms: ...".</summary>
    public IReadOnlyList<string> Footnotes { get; init; } = [];

    /// <summary>Image width in pixels.</summary>
    public int WidthPx { get; init; } = 1600;

    /// <summary>Image height in pixels.</summary>
    public int HeightPx { get; init; } = 1200;

    /// <summary>
    /// Diverging classes (negative = surplus, positive = shortage, exactly 0 in the middle class) on a ColorBrewer
    /// RdBu ramp; false for sequential classes on viridis.
    /// </summary>
    public bool Diverging { get; init; } = true;

    /// <summary>How class limits are chosen (named in the legend); natural breaks spread skewed data over the colours.</summary>
    public ClassMethod ClassMethod { get; init; } = ClassMethod.Jenks;

    /// <summary>
    /// Language of the words the renderer adds itself (legend captions, no-data swatch, north letter, CRS note); the
    /// caller writes the title, legend title and footnotes in the same language.
    /// </summary>
    public Language Language { get; init; } = Language.Vi;

    /// <summary>Legend text of the no-data swatch; by default "no data" in <see cref="Language"/>.</summary>
    public string NoDataLabel
    {
        get => field ?? MapText.NoData(Language);
        init;
    }
}
