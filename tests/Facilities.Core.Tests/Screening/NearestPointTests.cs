using Facilities.Core.Screening;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Tests.Screening;

public class NearestPointTests
{
    [Fact]
    public void NearestDistanceEqualsTheBruteForceMinimum()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 300).Select(_ => new Coordinate(600_000 + (random.NextDouble() * 20_000), 2_300_000 + (random.NextDouble() * 15_000))).ToList();
        var index = new NearestPoint(points, 1000);

        for (var q = 0; q < 500; q++)
        {
            var (x, y) = (595_000 + (random.NextDouble() * 30_000), 2_295_000 + (random.NextDouble() * 25_000));
            var expected = points.Min(p => Math.Sqrt(((p.X - x) * (p.X - x)) + ((p.Y - y) * (p.Y - y))));

            Assert.Equal(expected, index.Distance(x, y), 9);
        }
    }

    [Fact]
    public void NoPointsIsEmptyAndInfinitelyFar()
    {
        var index = new NearestPoint([], 500);

        Assert.True(index.IsEmpty);
        Assert.Equal(double.PositiveInfinity, index.Distance(0, 0));
    }
}
