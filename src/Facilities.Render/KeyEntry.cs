using SkiaSharp;

namespace Facilities.Render;

/// <summary>One feature of the numbered key: its number, name, interior point, where the number was drawn, and whether it found a free spot.</summary>
internal sealed record KeyEntry(int Number, string Name, SKPoint Anchor, SKPoint Position, bool OnMap);
