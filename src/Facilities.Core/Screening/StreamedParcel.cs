using Facilities.Core.Model;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>A streamed <see cref="ParcelUnit"/> under the screening's rules: every answer computed from the unit.</summary>
internal struct StreamedParcel(ParcelUnit parcel) : IScreenedParcel
{
    // A deferred geometry decoded without keeping it in the unit, held for the next test of the same evaluation.
    private Geometry? _peeked;

    public readonly double AreaM2 => parcel.AreaM2;

    public readonly bool IsStateOwned => parcel.OwnerType == "state";

    public readonly Envelope? Bounds => parcel.Bounds;

    public readonly bool AllowedBy(LandUseRule rule) => rule.Allows(parcel);

    public Envelope Envelope(bool keep) => Get(keep).EnvelopeInternal;

    // Kept (not peeked): a caller that screens the same parcels again (the warm list) finds it decoded.
    public readonly WardUnit? Ward(SiteScorer scorer) => scorer.Locate(parcel.Geometry.Centroid.Coordinate);

    public bool NearIndustry(SiteGeometry geometry, bool keep) => geometry.NearIndustry(Get(keep));

    public bool OverlapsSchool(SiteGeometry geometry, bool keep) => geometry.OverlapsSchool(Get(keep));

    public readonly bool WideEnough(double minimum) => SiteGeometry.IsWideEnough(parcel.Geometry, minimum);

    public readonly Geometry Geometry() => parcel.Geometry;

    public readonly ParcelUnit Unit() => parcel;

    private Geometry Get(bool keep) => keep ? parcel.Geometry : _peeked ??= parcel.Peek();
}
