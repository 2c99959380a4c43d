using NetTopologySuite.Geometries;

namespace Facilities.Web.Ogc;

/// <summary>Swaps x and y of every coordinate: lon, lat becomes lat, lon for EPSG:4326's axis order.</summary>
internal sealed class SwapAxes : IEntireCoordinateSequenceFilter
{
    public static readonly SwapAxes Instance = new();

    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq)
    {
        for (var i = 0; i < seq.Count; i++)
        {
            var x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
