using Facilities.Core.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Facilities.Core.Screening;

/// <summary>
/// Tells, from a box known to contain a parcel, the type of the ward its centroid falls in (phường or not) without
/// the parcel's geometry, wherever the answer is the same for every point of the box; elsewhere (near a boundary
/// between a phường and anything else) it answers "unknown" and the caller locates the centroid.
/// </summary>
/// <remarks>
/// PERF (docs/performance.md, issue 15): a parcel whose land use is not allowed and whose area lies between the xã
/// and phường minimums is rejected whatever its ward, but which failure it counts first (area in a xã, land use in a
/// phường) depends on the ward; a uniform grid over the wards, classified once, settles that from the parcel's
/// envelope for nearly all of them. A cell is urban when one phường covers it (boundary included) and no other ward
/// touches it, so every point of it is located in a phường whatever the lowest-index rule picks; rural when no phường
/// touches it (its points lie in a xã, a đặc khu or no ward: the rural norm). Cells are classified top-down, so only
/// the cells along boundaries are tested at the finest size.
/// </remarks>
internal sealed class WardTypeGrid
{
    /// <summary>Type not settled by the box: locate the centroid.</summary>
    public const int Unknown = -1;

    private const int Side = 512;
    private const byte Rural = 0;
    private const byte Urban = 1;
    private const byte Mixed = 2;

    // Slack around a box, m: a centroid computed in floating point may sit a hair outside its parcel's envelope.
    private const double Slack = 1e-3;

    private readonly byte[] _cells = new byte[Side * Side];
    private readonly double _x0;
    private readonly double _y0;
    private readonly double _cellW;
    private readonly double _cellH;
    private readonly bool _anyUrban;

    public WardTypeGrid(IReadOnlyList<WardUnit> wards)
    {
        var tree = new STRtree<(IPreparedGeometry Area, bool Urban)>();
        var extent = new Envelope();
        foreach (var w in wards)
        {
            if (w.Area.IsEmpty)
            {
                continue;
            }

            var urban = ScreeningInputs.WardType(w) == 1;
            _anyUrban |= urban;
            tree.Insert(w.Area.EnvelopeInternal, (PreparedGeometryFactory.Prepare(w.Area), urban));
            extent.ExpandToInclude(w.Area.EnvelopeInternal);
        }

        if (!_anyUrban)
        {
            return; // every point is rural
        }

        tree.Build();
        // A margin, so a point outside the grid is outside every ward by far more than the slack.
        extent.ExpandBy(1);
        (_x0, _y0) = (extent.MinX, extent.MinY);
        (_cellW, _cellH) = (Math.Max(extent.Width, 1) / Side, Math.Max(extent.Height, 1) / Side);
        var factory = wards[0].Area.Factory;
        Classify(0, 0, Side);

        void Classify(int ix, int iy, int size)
        {
            var box = new Envelope(_x0 + (ix * _cellW), _x0 + ((ix + size) * _cellW), _y0 + (iy * _cellH), _y0 + ((iy + size) * _cellH));
            var rect = factory.ToGeometry(box);
            bool touchedByUrban = false, touchedByOther = false, coveredByUrban = false;
            var hits = tree.Query(box);
            // PERF: the phường first; where none touches the cell, the other wards need no test (the cost follows the
            // length of the phường boundaries, not of every boundary).
            foreach (var (area, urban) in hits)
            {
                if (urban && area.Intersects(rect))
                {
                    touchedByUrban = true;
                    coveredByUrban = area.Covers(rect);
                    if (coveredByUrban)
                    {
                        break;
                    }
                }
            }

            if (touchedByUrban)
            {
                foreach (var (area, urban) in hits)
                {
                    if (!urban && area.Intersects(rect))
                    {
                        touchedByOther = true;
                        break;
                    }
                }
            }

            var type = !touchedByUrban ? Rural : coveredByUrban && !touchedByOther ? Urban : Mixed;
            if (type != Mixed || size == 1)
            {
                for (var y = iy; y < iy + size; y++)
                {
                    Array.Fill(_cells, type, (y * Side) + ix, size);
                }

                return;
            }

            var half = size / 2;
            Classify(ix, iy, half);
            Classify(ix + half, iy, half);
            Classify(ix, iy + half, half);
            Classify(ix + half, iy + half, half);
        }
    }

    /// <summary>1 when every point of <paramref name="box"/> lies in a phường, 0 when none does, else <see cref="Unknown"/>.</summary>
    public int TypeOf(Envelope box)
    {
        if (!_anyUrban)
        {
            return Rural;
        }

        var x0 = Cell(box.MinX - Slack, _x0, _cellW);
        var x1 = Cell(box.MaxX + Slack, _x0, _cellW);
        var y0 = Cell(box.MinY - Slack, _y0, _cellH);
        var y1 = Cell(box.MaxY + Slack, _y0, _cellH);
        if (x1 < 0 || y1 < 0 || x0 >= Side || y0 >= Side)
        {
            return Rural; // outside every ward
        }

        // Part of the box outside the grid lies outside every ward: rural.
        var type = x0 < 0 || y0 < 0 || x1 >= Side || y1 >= Side ? Rural : _cells[(y0 * Side) + x0];
        for (var y = Math.Max(y0, 0); y <= Math.Min(y1, Side - 1); y++)
        {
            for (var x = Math.Max(x0, 0); x <= Math.Min(x1, Side - 1); x++)
            {
                if (_cells[(y * Side) + x] != type)
                {
                    return Unknown;
                }
            }
        }

        return type == Mixed ? Unknown : type;
    }

    // The cell column (or row) of a coordinate; may be outside [0, Side) and is clamped before the division overflows.
    private static int Cell(double v, double origin, double size) => (int)Math.Floor(Math.Clamp((v - origin) / size, -1, Side));
}
