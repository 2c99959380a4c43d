using SkiaSharp;

namespace Facilities.Render;

/// <summary>The proposal map's legend: one symbol and a bilingual line per kind of feature, in two columns.</summary>
internal static class ProposalLegendPainter
{
    public static readonly SKColor AreaLine = new(0x8B, 0x00, 0x00);
    public static readonly SKColor CandidateFill = new(0xB0, 0xB0, 0xB0);

    private static readonly (string Text, Action<SKCanvas, SKRect> Symbol)[] Items =
    [
        ("Ranh giới dự án / Project boundary", (c, r) => Stroke(c, r, AreaLine, 3, null, new SKColor(0xFF, 0xE0, 0x82, 0x80))),
        ("Vùng đệm (bán kính phục vụ) / Buffer (radius)", (c, r) => Stroke(c, r, MapColors.MutedInk, 1.4f, [8, 6], null)),
        ("Thửa đạt điều kiện / Candidate parcels", (c, r) => Stroke(c, r, MapColors.MutedInk, 0.8f, null, CandidateFill)),
        ("Địa điểm đề xuất (số: thứ hạng) / Proposed site (rank)", (c, r) => Dot(c, r, ProposalMapRenderer.SiteColors[0], 10, fill: true)),
        ("Bán kính phục vụ / Site's service radius", (c, r) => Dot(c, r, ProposalMapRenderer.SiteColors[1], 10, fill: false)),
        ("Điểm nhu cầu, màu theo địa điểm / Demand by site", (c, r) => Dot(c, r, ProposalMapRenderer.SiteColors[2], 5, fill: true)),
        ("Điểm nhu cầu chưa phục vụ / Demand not covered", (c, r) => Dot(c, r, MapColors.MutedInk, 5, fill: false)),
        ("Ranh giới xã/phường / Ward boundary", (c, r) => Stroke(c, r, new SKColor(0xB8, 0xB8, 0xB8), 1, null, new SKColor(0xF4, 0xF4, 0xF0))),
    ];

    public static void Draw(SKCanvas canvas, SKRect box)
    {
        using var font = MapFonts.Create(15);
        var perColumn = (Items.Length + 1) / 2;
        var step = Math.Min(30, box.Height / perColumn);
        for (var k = 0; k < Items.Length; k++)
        {
            var left = box.Left + (k / perColumn * (box.Width / 2));
            var top = box.Top + (k % perColumn * step);
            var symbol = SKRect.Create(left, top + 2, 34, step - 8);
            Items[k].Symbol(canvas, symbol);
            TextPainter.DrawLine(canvas, Items[k].Text, left + 42, top + 2, SKTextAlign.Left, font, MapColors.Ink);
        }
    }

    private static void Stroke(SKCanvas canvas, SKRect r, SKColor color, float width, float[]? dash, SKColor? fill)
    {
        if (fill is SKColor f)
        {
            using var paint = new SKPaint { Color = f, Style = SKPaintStyle.Fill };
            canvas.DrawRect(r, paint);
        }

        using var effect = dash is null ? null : SKPathEffect.CreateDash(dash, 0);
        using var line = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, PathEffect = effect, IsAntialias = true };
        canvas.DrawRect(r, line);
    }

    private static void Dot(SKCanvas canvas, SKRect r, SKColor color, float radius, bool fill)
    {
        using var paint = new SKPaint { Color = color, Style = fill ? SKPaintStyle.Fill : SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
        canvas.DrawCircle(r.MidX, r.MidY, radius, paint);
    }
}
