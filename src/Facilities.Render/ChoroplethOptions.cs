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

    /// <summary>Legend text of the no-data swatch.</summary>
    public string NoDataLabel { get; init; } = "Không có dữ liệu / no data";
}
