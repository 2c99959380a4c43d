using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>
/// Decides, from a parcel's attributes alone (stated area and land-use codes), whether the screening would reject
/// it before looking at its geometry, and counts those rejections, so a reader can skip such rows without reading
/// their id or geometry blob. Made by <see cref="ParcelScreener.CreateAttributeFilter"/> and handed back to
/// <see cref="ParcelScreener.Screen(IEnumerable{Model.ParcelUnit}, AttributeFilter?)"/>, which adds its counts.
/// </summary>
/// <remarks>
/// It rejects exactly the parcels <see cref="ParcelScreener"/>'s own early exits reject without geometry: area
/// below the smaller minimum (a xã's or a phường's) unless the parcel may join a merged site, and area at least the
/// larger minimum with a land use that is not allowed. A parcel between the two minimums with a land use that is not
/// allowed is rejected too, but whether it counts on area (in a xã) or on land use (in a phường) depends on its ward:
/// it is decided here only when the reader gives a box containing its geometry (<see cref="NeedsBounds"/>) and that
/// box lies where the ward type is the same throughout. With <see cref="ScreeningOptions.RecordRejections"/> every
/// test runs on every parcel, so nothing is skipped. Not thread-safe: one reader thread calls it, and one
/// <see cref="ParcelScreener.Screen(IEnumerable{Model.ParcelUnit}, AttributeFilter?)"/> call reads its counts after that
/// reader has finished.
/// </remarks>
public sealed class AttributeFilter
{
    private readonly double _low;
    private readonly double _high;
    private readonly LandUseRule _landUse;
    private readonly WardTypeGrid _wardTypes;
    private readonly bool _merge;
    private readonly bool _off;

    internal AttributeFilter(ParcelScreener owner, double low, double high, LandUseRule landUse, WardTypeGrid wardTypes, ScreeningOptions options)
    {
        Owner = owner;
        (_low, _high, _landUse, _wardTypes, _merge, _off) = (low, high, landUse, wardTypes, options.MergeAdjacent, options.RecordRejections);
    }

    /// <summary>
    /// The smallest minimum site area, m²: a row with a stated area below it is rejected on area unless it is a state
    /// parcel (which may merge), so a reader may leave such rows to a count (<see cref="CountRejectedOnArea"/>).
    /// </summary>
    public double MinimumArea => _low;

    /// <summary>
    /// The larger minimum site area, m²: a row with a stated area at least this whose land use is not allowed is
    /// rejected on land use whatever its ward, so a reader may leave such rows to a count (<see cref="CountLeftOut"/>).
    /// </summary>
    public double LargerMinimumArea => _high;

    /// <summary>Whether a small state parcel may still join a merged site (then the reader must hand it over).</summary>
    public bool SmallStateParcelsMayMerge => _merge;

    /// <summary>False when the filter rejects nothing (every test runs on every parcel).</summary>
    public bool IsActive => !_off;

    /// <summary>Parcels rejected on their area (first failure) without their geometry.</summary>
    public long RejectedOnArea { get; private set; }

    /// <summary>Parcels rejected on their land use (first failure) without their geometry.</summary>
    public long RejectedOnLandUse { get; private set; }

    internal ParcelScreener Owner { get; }

    /// <summary>
    /// True when the parcel is rejected whatever its geometry (and cannot join a merged site): the caller skips it,
    /// and the rejection is counted here.
    /// </summary>
    /// <param name="areaM2">Stated area, m².</param>
    /// <param name="landUse">Current land-use code.</param>
    /// <param name="plannedLandUse">Planned land-use code, when known.</param>
    /// <param name="ownerType">Owner type, when known.</param>
    public bool Rejects(double areaM2, string landUse, string? plannedLandUse, string? ownerType) =>
        Rejects(areaM2, landUse, plannedLandUse, ownerType, null);

    /// <summary>
    /// Whether a box containing the row's geometry would help <see cref="Rejects(double, string, string?, string?, Envelope?)"/>
    /// decide (its area lies between the two minimums); a reader that can get one cheaply gives it only then.
    /// </summary>
    public bool NeedsBounds(double areaM2) => !_off && areaM2 >= _low && areaM2 < _high;

    /// <summary>
    /// As <see cref="Rejects(double, string, string?, string?)"/>, with a box in the city's metric CRS known to contain
    /// the row's geometry (or null), which settles the first failure of a parcel between the two minimums whose use is
    /// not allowed wherever the box lies in wards of one type.
    /// </summary>
    /// <param name="areaM2">Stated area, m².</param>
    /// <param name="landUse">Current land-use code.</param>
    /// <param name="plannedLandUse">Planned land-use code, when known.</param>
    /// <param name="ownerType">Owner type, when known.</param>
    /// <param name="bounds">A box containing the geometry, in the metric CRS, or null.</param>
    public bool Rejects(double areaM2, string landUse, string? plannedLandUse, string? ownerType, Envelope? bounds)
    {
        if (_off)
        {
            return false;
        }

        if (areaM2 < _low)
        {
            // The same test as ParcelScreener.MayMerge: a small state parcel with an allowed use may still merge.
            if (_merge && ownerType == "state" && _landUse.Allows(landUse, plannedLandUse, ownerType))
            {
                return false;
            }

            RejectedOnArea++;
            return true;
        }

        if (_landUse.Allows(landUse, plannedLandUse, ownerType))
        {
            return false;
        }

        if (areaM2 >= _high)
        {
            RejectedOnLandUse++;
            return true;
        }

        // Between the minimums: area first in a xã (or outside every ward), land use first in a phường.
        switch (bounds is null ? WardTypeGrid.Unknown : _wardTypes.TypeOf(bounds))
        {
            case 1:
                RejectedOnLandUse++;
                return true;
            case 0:
                RejectedOnArea++;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether a parcel whose current land-use code is <paramref name="code"/> could pass the land-use test with some
    /// owner and planned use other than education (a reader keeps every row with such a code, and every row whose
    /// planned code passes <see cref="MayAllowPlannedLandUse"/>; it may leave out the others of area at least
    /// <see cref="LargerMinimumArea"/>).
    /// </summary>
    public bool MayAllowLandUse(string code) => _off || _landUse.Allows(code, null, "state");

    /// <summary>Whether a parcel whose planned land-use code is <paramref name="code"/> passes the land-use test
    /// whatever its current code and owner.</summary>
    public bool MayAllowPlannedLandUse(string code) => _off || _landUse.Allows("", code, null);

    /// <summary>
    /// Counts rows a reader left out by a query of its own, by the failure they count on: stated area below
    /// <see cref="MinimumArea"/> (rejected on area, and not a state parcel that may merge with an allowed use), and
    /// stated area at least <see cref="LargerMinimumArea"/> with a land use that is not allowed (rejected on land use).
    /// </summary>
    public void CountLeftOut(long onArea, long onLandUse)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onLandUse);
        CountRejectedOnArea(onArea);
        if (_off && onLandUse > 0)
        {
            throw new InvalidOperationException("the filter is off (every rejection is recorded): no row may be left out");
        }

        RejectedOnLandUse += onLandUse;
    }

    /// <summary>
    /// Counts rows a reader left out by a query of its own because their stated area is below
    /// <see cref="MinimumArea"/> (and, when <see cref="SmallStateParcelsMayMerge"/>, their owner is not the state):
    /// the same rows <see cref="Rejects(double, string, string?, string?)"/> would have rejected on area.
    /// </summary>
    public void CountRejectedOnArea(long rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (_off && rows > 0)
        {
            throw new InvalidOperationException("the filter is off (every rejection is recorded): no row may be left out");
        }

        RejectedOnArea += rows;
    }
}
