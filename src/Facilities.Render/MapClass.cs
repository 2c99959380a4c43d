using SkiaSharp;

namespace Facilities.Render;

/// <summary>One class of a classification: its fill, its legend text and how many features fell in it.</summary>
/// <param name="Color">Fill colour.</param>
/// <param name="Label">Value range as written in the legend.</param>
internal sealed record MapClass(SKColor Color, string Label)
{
    /// <summary>Features with a value in this class.</summary>
    public int Count { get; set; }
}
