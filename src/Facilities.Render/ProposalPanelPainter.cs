using SkiaSharp;

namespace Facilities.Render;

/// <summary>Draws one level's panel of the proposal map, clipped to its frame.</summary>
internal static class ProposalPanelPainter
{
    public static void Draw(SKCanvas canvas, ProposalMap map, ProposalMapPanel panel, MapTransform t, SKRect frame)
    {
        canvas.Save();
        canvas.ClipRect(frame);
        using var wardFill = new SKPaint { Color = new SKColor(0xF4, 0xF4, 0xF0), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var wardLine = new SKPaint { Color = new SKColor(0xB8, 0xB8, 0xB8), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        foreach (var w in map.Context)
        {
            using var path = t.ToPath(w);
            canvas.DrawPath(path, wardFill);
            canvas.DrawPath(path, wardLine);
        }

        using (var buffer = t.ToPath(map.Area.Buffer(panel.RadiusM)))
        using (var dashes = SKPathEffect.CreateDash([8, 6], 0))
        using (var bufferLine = new SKPaint { Color = MapColors.MutedInk, Style = SKPaintStyle.Stroke, StrokeWidth = 1.4f, PathEffect = dashes, IsAntialias = true })
        {
            canvas.DrawPath(buffer, bufferLine);
        }

        using (var areaPath = t.ToPath(map.Area))
        using (var areaFill = new SKPaint { Color = new SKColor(0xFF, 0xE0, 0x82, 0x80), Style = SKPaintStyle.Fill, IsAntialias = true })
        using (var areaLine = new SKPaint { Color = ProposalLegendPainter.AreaLine, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true })
        {
            canvas.DrawPath(areaPath, areaFill);
            canvas.DrawPath(areaPath, areaLine);
        }

        using var candidateFill = new SKPaint { Color = ProposalLegendPainter.CandidateFill, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var candidateLine = new SKPaint { Color = MapColors.MutedInk, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        foreach (var c in panel.Candidates)
        {
            using var path = t.ToPath(c);
            canvas.DrawPath(path, candidateFill);
            canvas.DrawPath(path, candidateLine);
        }

        // Demand points: area ∝ pupils, the largest 7 px across in radius.
        var max = panel.Points.Select(p => p.Pupils).DefaultIfEmpty(0).Max();
        using var hollow = new SKPaint { Color = MapColors.MutedInk, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        foreach (var p in panel.Points.Where(p => p.Pupils > 0))
        {
            var r = max > 0 ? (float)(1.5 + (5.5 * Math.Sqrt(p.Pupils / max))) : 2;
            var at = t.ToPixel(p.X, p.Y);
            if (p.SiteRank == 0)
            {
                canvas.DrawCircle(at, r, hollow);
                continue;
            }

            using var fill = new SKPaint { Color = Color(p.SiteRank).WithAlpha(200), Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawCircle(at, r, fill);
        }

        using var label = MapFonts.Create(18, bold: true);
        for (var k = 0; k < panel.Chosen.Count; k++)
        {
            var color = Color(k + 1);
            var site = panel.Chosen[k];
            var centre = site.Centroid;
            var at = t.ToPixel(centre.X, centre.Y);
            using var ring = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
            canvas.DrawCircle(at, (float)(panel.RadiusM * t.PixelsPerMetre), ring);
            using var path = t.ToPath(site);
            using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawPath(path, fill);
            using var marker = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
            using var halo = new SKPaint { Color = MapColors.Paper, Style = SKPaintStyle.Stroke, StrokeWidth = 3, IsAntialias = true };
            canvas.DrawCircle(at, 13, marker);
            canvas.DrawCircle(at, 13, halo);
            TextPainter.DrawHaloed(canvas, (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new SKPoint(at.X, at.Y), label, 3);
        }

        canvas.Restore();
        using var border = new SKPaint { Color = MapColors.Outline, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(frame, border);
    }

    public static SKColor Color(int rank) => ProposalMapRenderer.SiteColors[(rank - 1) % ProposalMapRenderer.SiteColors.Length];
}
