using System.Runtime.InteropServices;

namespace Facilities.Core.Catchment;

/// <summary>
/// Schools bucketed in square cells of a fixed size (cell (⌊x ÷ size⌋, ⌊y ÷ size⌋)), each cell's schools in index
/// order. Over the schools' extent the cells are one array of row starts, so a look-up is two subtractions and an
/// index; only an extent too large for that (more than <see cref="MaxDenseCells"/> cells) falls back to a hash.
/// </summary>
/// <remarks>
/// PERF: at national scale (1.3 million demand points, 10,000 schools, three points in four with no school in reach,
/// docs/performance.md, issue 15) the nearest-school rings look at dozens of cells a point, and hashing the cell
/// keys was most of the links' time.
/// </remarks>
internal sealed class SchoolCells
{
    /// <summary>Largest number of cells kept as an array (16 MB of row starts).</summary>
    public const long MaxDenseCells = 4L << 20;

    private readonly long _x0;
    private readonly long _y0;
    private readonly long _nx;
    private readonly long _ny;
    private readonly int[] _start = [];
    private readonly int[] _members = [];
    private readonly Dictionary<(long, long), List<int>>? _sparse;

    public SchoolCells(double[] sx, double[] sy, double size)
    {
        Size = size;
        if (sx.Length == 0)
        {
            return;
        }

        var cx = new long[sx.Length];
        var cy = new long[sx.Length];
        for (var j = 0; j < sx.Length; j++)
        {
            cx[j] = (long)Math.Floor(sx[j] / size);
            cy[j] = (long)Math.Floor(sy[j] / size);
        }

        _x0 = cx.Min();
        _y0 = cy.Min();
        _nx = cx.Max() - _x0 + 1;
        _ny = cy.Max() - _y0 + 1;
        if (_nx * _ny > MaxDenseCells)
        {
            _sparse = [];
            for (var j = 0; j < sx.Length; j++)
            {
                if (!_sparse.TryGetValue((cx[j], cy[j]), out var list))
                {
                    _sparse[(cx[j], cy[j])] = list = [];
                }

                list.Add(j);
            }

            return;
        }

        _start = new int[(_nx * _ny) + 1];
        for (var j = 0; j < sx.Length; j++)
        {
            _start[Index(cx[j], cy[j]) + 1]++;
        }

        for (var k = 1; k < _start.Length; k++)
        {
            _start[k] += _start[k - 1];
        }

        _members = new int[sx.Length];
        var next = _start[..^1];
        for (var j = 0; j < sx.Length; j++)
        {
            // Schools in index order within a cell, as the hash's lists had them: the links keep their order.
            _members[next[Index(cx[j], cy[j])]++] = j;
        }
    }

    /// <summary>The cell size in metres.</summary>
    public double Size { get; }

    /// <summary>The schools of cell (<paramref name="gx"/>, <paramref name="gy"/>), in index order (empty outside the extent).</summary>
    public ReadOnlySpan<int> At(long gx, long gy)
    {
        if (_sparse is not null)
        {
            return _sparse.TryGetValue((gx, gy), out var list) ? CollectionsMarshal.AsSpan(list) : [];
        }

        if (gx < _x0 || gy < _y0 || gx >= _x0 + _nx || gy >= _y0 + _ny)
        {
            return [];
        }

        var k = Index(gx, gy);
        return _members.AsSpan(_start[k], _start[k + 1] - _start[k]);
    }

    private long Index(long gx, long gy) => ((gx - _x0) * _ny) + (gy - _y0);
}
