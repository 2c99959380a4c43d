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
/// larger minimum with a land use that is not allowed. A parcel between the two minimums needs its centroid (which
/// ward, so which minimum), so it is not decided here. With <see cref="ScreeningOptions.RecordRejections"/> every
/// test runs on every parcel, so nothing is skipped. Not thread-safe: one reader thread calls it, and one
/// <see cref="ParcelScreener.Screen(IEnumerable{Model.ParcelUnit}, AttributeFilter?)"/> call reads its counts after that
/// reader has finished.
/// </remarks>
public sealed class AttributeFilter
{
    private readonly double _low;
    private readonly double _high;
    private readonly LandUseRule _landUse;
    private readonly bool _merge;
    private readonly bool _off;

    internal AttributeFilter(ParcelScreener owner, double low, double high, LandUseRule landUse, ScreeningOptions options)
    {
        Owner = owner;
        (_low, _high, _landUse, _merge, _off) = (low, high, landUse, options.MergeAdjacent, options.RecordRejections);
    }

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
    public bool Rejects(double areaM2, string landUse, string? plannedLandUse, string? ownerType)
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

        if (areaM2 >= _high && !_landUse.Allows(landUse, plannedLandUse, ownerType))
        {
            RejectedOnLandUse++;
            return true;
        }

        return false;
    }
}
