using Facilities.Testing;

namespace Facilities.Render.Tests;

/// <summary>
/// A 3 × 3 block of 2 km squares in EPSG:32648 from E 670 000, N 2 300 000 (all shortage, the south-west one alone
/// in its class), a 100 m square inside the block whose label cannot fit, and squares far away (surplus) for insets.
/// </summary>
internal static class SquareCluster
{
    public const double Side = 2000;

    /// <summary>The south-west square of the block, the only one in the class 3 … 4.</summary>
    public static readonly MapFeature Marked = Square(670_000, 2_300_000, Side, 4, "Ô 1");

    /// <summary>A 100 m square inside the block; its label is too big for it.</summary>
    public static readonly MapFeature Tiny = Square(673_800, 2_303_800, 100, 2, "Tân Tiến");

    /// <summary>A surplus square about 110 km south-east of the block, like Bạch Long Vĩ off Hải Phòng.</summary>
    public static readonly MapFeature FarSouthEast = Square(750_000, 2_220_000, Side, -8, "Đảo Xa");

    /// <summary>A surplus square about 60 km north-west of the block.</summary>
    public static readonly MapFeature FarNorthWest = Square(620_000, 2_350_000, Side, -8, "Đảo Bắc");

    /// <summary>The nine block squares and the tiny one.</summary>
    public static IReadOnlyList<MapFeature> Block()
    {
        var squares = new List<MapFeature>();
        for (var row = 0; row < 3; row++)
        {
            for (var col = 0; col < 3; col++)
            {
                var n = (row * 3) + col + 1;
                squares.Add(n == 1 ? Marked : Square(670_000 + (col * Side), 2_300_000 + (row * Side), Side, n % 3 == 0 ? 8 : 2, $"Ô {n}"));
            }
        }

        squares.Add(Tiny);
        return squares;
    }

    public static MapFeature Square(double x, double y, double side, double? value, string label)
    {
        FormattableString wkt = $"POLYGON(({x} {y}, {x + side} {y}, {x + side} {y + side}, {x} {y + side}, {x} {y}))";
        return new MapFeature(Wkt.Read(FormattableString.Invariant(wkt), FourSquares.Srid), value, label);
    }
}
