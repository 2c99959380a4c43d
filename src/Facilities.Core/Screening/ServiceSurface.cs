using Facilities.Core.Catchment;

namespace Facilities.Core.Screening;

/// <summary>
/// Values placed on the demand grid's city-wide lattice (nodes at (k + ½) × spacing), with prefix sums along each
/// row, so the sum of the nodes within a circle costs one subtraction per lattice row the circle crosses.
/// </summary>
/// <remarks>
/// A node counts when its centre lies within the radius. A ward too small for a lattice node has its interior point
/// as its only demand point; its value goes to the nearest node.
/// </remarks>
public sealed class ServiceSurface
{
    private readonly double _spacing;
    private readonly long _col0;
    private readonly long _row0;
    private readonly int _cols;
    private readonly int _rows;
    private readonly double[] _prefix;

    /// <summary>Places <paramref name="values"/> (one per demand point) on the lattice.</summary>
    /// <param name="points">Demand points on the lattice of <paramref name="spacing"/>.</param>
    /// <param name="values">A value per point.</param>
    /// <param name="spacing">Grid spacing, metres.</param>
    public ServiceSurface(DemandPoints points, IReadOnlyList<double> values, double spacing)
    {
        _spacing = spacing;
        if (points.Count == 0)
        {
            _prefix = [0];
            return;
        }

        long minC = long.MaxValue, minR = long.MaxValue, maxC = long.MinValue, maxR = long.MinValue;
        for (var i = 0; i < points.Count; i++)
        {
            var (c, r) = Node(points.X[i], points.Y[i]);
            (minC, maxC, minR, maxR) = (Math.Min(minC, c), Math.Max(maxC, c), Math.Min(minR, r), Math.Max(maxR, r));
        }

        (_col0, _row0) = (minC, minR);
        _cols = (int)(maxC - minC + 1);
        _rows = (int)(maxR - minR + 1);
        // Row r holds prefix[r * (cols + 1) + k] = sum of the row's first k nodes.
        _prefix = new double[_rows * (_cols + 1)];
        for (var i = 0; i < points.Count; i++)
        {
            var (c, r) = Node(points.X[i], points.Y[i]);
            _prefix[((r - _row0) * (_cols + 1)) + (c - _col0) + 1] += values[i];
        }

        for (var r = 0; r < _rows; r++)
        {
            var start = r * (_cols + 1);
            for (var k = 1; k <= _cols; k++)
            {
                _prefix[start + k] += _prefix[start + k - 1];
            }
        }
    }

    /// <summary>Sum of the values of the nodes whose centre is within <paramref name="radius"/> of (x, y).</summary>
    public double SumWithin(double x, double y, double radius)
    {
        if (_rows == 0)
        {
            return 0;
        }

        var sum = 0.0;
        var rFirst = Math.Max(_row0, (long)Math.Ceiling(((y - radius) / _spacing) - 0.5));
        var rLast = Math.Min(_row0 + _rows - 1, (long)Math.Floor(((y + radius) / _spacing) - 0.5));
        for (var r = rFirst; r <= rLast; r++)
        {
            var dy = ((r + 0.5) * _spacing) - y;
            var half = Math.Sqrt(Math.Max(0, (radius * radius) - (dy * dy)));
            var cFirst = Math.Max(_col0, (long)Math.Ceiling(((x - half) / _spacing) - 0.5));
            var cLast = Math.Min(_col0 + _cols - 1, (long)Math.Floor(((x + half) / _spacing) - 0.5));
            if (cLast < cFirst)
            {
                continue;
            }

            var start = (r - _row0) * (_cols + 1);
            sum += _prefix[start + (cLast - _col0) + 1] - _prefix[start + (cFirst - _col0)];
        }

        return sum;
    }

    /// <summary>
    /// The centre of the lattice node a point's value is placed on: the node it sits on, or for a ward's interior point
    /// off the lattice, the nearest one.
    /// </summary>
    public static (double X, double Y) NodeCentre(double x, double y, double spacing)
    {
        var (c, r) = Node(x, y, spacing);
        return ((c + 0.5) * spacing, (r + 0.5) * spacing);
    }

    private (long Col, long Row) Node(double x, double y) => Node(x, y, _spacing);

    private static (long Col, long Row) Node(double x, double y, double spacing) =>
        ((long)Math.Round((x / spacing) - 0.5, MidpointRounding.AwayFromZero), (long)Math.Round((y / spacing) - 0.5, MidpointRounding.AwayFromZero));
}
