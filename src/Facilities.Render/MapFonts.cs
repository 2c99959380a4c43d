using SkiaSharp;

namespace Facilities.Render;

/// <summary>
/// Typefaces that draw Vietnamese: the first installed family of a short list whose glyphs cover the Vietnamese
/// letters, else the default typeface if it does; otherwise rendering fails rather than silently dropping text
/// (SkiaSharp 4.x on Debian finds no families and an empty default typeface).
/// </summary>
internal static class MapFonts
{
    /// <summary>Letters a Vietnamese map needs (precomposed; text is NFC-normalised before drawing).</summary>
    public const string VietnameseProbe = "ĂăÂâĐđÊêÔôƠơƯưÁạẢãẮặẰẨẫẾệỀểỄốỘổỖớỢởỠứỰửỮýỳỵỷỹ−…";

    private static readonly string[] Families = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "FreeSans"];

    private static readonly Lazy<SKTypeface> LazyRegular = new(() => Resolve(SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> LazyBold = new(() => Resolve(SKFontStyle.Bold));

    /// <summary>The regular typeface.</summary>
    public static SKTypeface Regular => LazyRegular.Value;

    /// <summary>The bold typeface.</summary>
    public static SKTypeface Bold => LazyBold.Value;

    /// <summary>A font of the given pixel size.</summary>
    public static SKFont Create(float size, bool bold = false) =>
        new(bold ? Bold : Regular, size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    /// <summary>Whether the typeface has a glyph for every letter of <see cref="VietnameseProbe"/>.</summary>
    public static bool CoversVietnamese(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, 12);
        return font.ContainsGlyphs(VietnameseProbe);
    }

    private static SKTypeface Resolve(SKFontStyle style)
    {
        foreach (var family in Families)
        {
            var typeface = SKTypeface.FromFamilyName(family, style);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase)
                && CoversVietnamese(typeface))
            {
                return typeface;
            }
        }

        var fallback = SKTypeface.Default;
        if (fallback is not null && CoversVietnamese(fallback))
        {
            return fallback;
        }

        throw new InvalidOperationException(
            "No installed font draws Vietnamese text (tried " + string.Join(", ", Families) + " and the default typeface); " +
            "install fonts-dejavu-core, and keep SkiaSharp on 3.119.x.");
    }
}
