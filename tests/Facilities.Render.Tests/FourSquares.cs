using Facilities.Testing;
using NetTopologySuite.Geometries;

namespace Facilities.Render.Tests;

/// <summary>Four 2 km squares in EPSG:32648 around E 670 000, N 2 300 000: surplus, balance, shortage and no data.</summary>
internal static class FourSquares
{
    public const int Srid = 32648;

    // South-west (-5), south-east (0), north-west (7), north-east (no data).
    public static readonly MapFeature Surplus = Square(670_000, 2_300_000, -5, "An Lạc");
    public static readonly MapFeature Balanced = Square(672_000, 2_300_000, 0, "Bình Minh");
    public static readonly MapFeature Shortage = Square(670_000, 2_302_000, 7, "Đông Hải");
    public static readonly MapFeature NoData = Square(672_000, 2_302_000, null, "Hưng Thịnh");

    public static IReadOnlyList<MapFeature> All => [Surplus, Balanced, Shortage, NoData];

    public static ChoroplethOptions Options(string title = "Thiếu/thừa phòng học tiểu học, 2030") =>
        new(title, "Phòng học thiếu (+) / thừa (−)")
        {
            Subtitle = "Phương pháp hành chính · dữ liệu thử",
            Footnotes = ["Tạo lúc 2026-11-23 · Facilities 0.1.0", "Định mức chưa xác nhận / unconfirmed norms: enrolment_rate.tieu_hoc"],
        };

    /// <summary>A point inside the square a quarter of the way from its south-west corner: clear of the label and the outline.</summary>
    public static Coordinate Inside(MapFeature square)
    {
        var e = square.Geometry.EnvelopeInternal;
        return new Coordinate(e.MinX + (e.Width / 4), e.MinY + (e.Height / 4));
    }

    private static MapFeature Square(double x, double y, double? value, string label)
    {
        FormattableString wkt = $"POLYGON(({x} {y}, {x + 2000} {y}, {x + 2000} {y + 2000}, {x} {y + 2000}, {x} {y}))";
        return new MapFeature(Wkt.Read(FormattableString.Invariant(wkt), Srid), value, label);
    }
}
