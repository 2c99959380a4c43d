using Facilities.Core.Model;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>
/// One parcel as <see cref="ParcelScreener"/>'s rules see it, whether streamed as a <see cref="ParcelUnit"/>
/// (<see cref="StreamedParcel"/>) or a row of a held <see cref="ParcelTable"/> (<see cref="TableParcel"/>): the rules
/// are written once, over this, and each source answers from what it has (a row from arrays and the values earlier
/// screenings kept). Implemented by structs and used as a generic constraint, so no call is virtual.
/// </summary>
internal interface IScreenedParcel
{
    /// <summary>Area, m².</summary>
    double AreaM2 { get; }

    /// <summary>Whether the owner is the state.</summary>
    bool IsStateOwned { get; }

    /// <summary>A box known to contain the geometry without decoding it, or null.</summary>
    Envelope? Bounds { get; }

    /// <summary>Whether the land-use rule admits the parcel.</summary>
    bool AllowedBy(LandUseRule rule);

    /// <summary>The geometry's envelope; <paramref name="keep"/>: the geometry is likely to be needed again.</summary>
    Envelope Envelope(bool keep);

    /// <summary>The ward the centroid lies in (lowest index on a shared boundary), or null.</summary>
    WardUnit? Ward(SiteScorer scorer);

    /// <summary>Whether the parcel comes closer than the minimum distance to an industrial zone.</summary>
    bool NearIndustry(SiteGeometry geometry, bool keep);

    /// <summary>Whether the parcel overlaps an existing school.</summary>
    bool OverlapsSchool(SiteGeometry geometry, bool keep);

    /// <summary>Whether the parcel is at least <paramref name="minimum"/> wide.</summary>
    bool WideEnough(double minimum);

    /// <summary>The geometry, kept for later use.</summary>
    Geometry Geometry();

    /// <summary>The parcel as a unit (id, codes, area, geometry), for the score, the merge pool and rejections.</summary>
    ParcelUnit Unit();
}
