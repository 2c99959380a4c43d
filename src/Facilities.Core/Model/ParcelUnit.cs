using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>
/// A land parcel (thửa đất) as the computations see it; geometry in the metric CRS. A reader may hand over the
/// geometry as a function, called at most once and only when a computation first needs it: screening rejects most
/// parcels on their attributes alone, so their geometry is never decoded or reprojected.
/// </summary>
public sealed class ParcelUnit
{
    private Geometry? _geometry;
    private readonly Func<Geometry>? _load;

    /// <summary>A parcel with its geometry.</summary>
    /// <param name="id">Parcel identifier (map sheet / parcel number).</param>
    /// <param name="landUse">Current land-use code (loại đất), e.g. DGD, ODT, TSC.</param>
    /// <param name="plannedLandUse">Planned land-use code, when known.</param>
    /// <param name="ownerType">state, organisation or household, when known.</param>
    /// <param name="areaM2">Area in square metres (see <see cref="AreaM2"/>).</param>
    /// <param name="geometry">Boundary in the metric CRS.</param>
    public ParcelUnit(string id, string landUse, string? plannedLandUse, string? ownerType, double areaM2, Geometry geometry)
        : this(id, landUse, plannedLandUse, ownerType, areaM2) => _geometry = geometry;

    /// <summary>A parcel whose geometry is produced by <paramref name="geometry"/> when first needed.</summary>
    /// <param name="id">Parcel identifier.</param>
    /// <param name="landUse">Current land-use code.</param>
    /// <param name="plannedLandUse">Planned land-use code, when known.</param>
    /// <param name="ownerType">Owner type, when known.</param>
    /// <param name="areaM2">Area in square metres.</param>
    /// <param name="geometry">Produces the boundary in the metric CRS.</param>
    public ParcelUnit(string id, string landUse, string? plannedLandUse, string? ownerType, double areaM2, Func<Geometry> geometry)
        : this(id, landUse, plannedLandUse, ownerType, areaM2) => _load = geometry;

    private ParcelUnit(string id, string landUse, string? plannedLandUse, string? ownerType, double areaM2)
    {
        Id = id;
        LandUse = landUse;
        PlannedLandUse = plannedLandUse;
        OwnerType = ownerType;
        AreaM2 = areaM2;
    }

    /// <summary>Parcel identifier (map sheet / parcel number).</summary>
    public string Id { get; }

    /// <summary>Current land-use code (loại đất), e.g. DGD, ODT, TSC.</summary>
    public string LandUse { get; }

    /// <summary>Planned land-use code, when known.</summary>
    public string? PlannedLandUse { get; }

    /// <summary>state, organisation or household, when known.</summary>
    public string? OwnerType { get; }

    /// <summary>
    /// Area in square metres: the stated cadastral area_m2 when the layer has one (the importer fills it from the
    /// geometry when the source leaves it empty), else the geometry's area in the metric CRS.
    /// </summary>
    public double AreaM2 { get; }

    /// <summary>
    /// A box in the metric CRS known to contain the geometry, when a reader had one without decoding the geometry
    /// (a GeoPackage blob's header envelope, reprojected with a margin); null when it had none.
    /// </summary>
    public Envelope? Bounds { get; init; }

    /// <summary>Boundary in the metric CRS (produced on first use when the reader deferred it).</summary>
    public Geometry Geometry
    {
        get
        {
            if (Volatile.Read(ref _geometry) is { } g)
            {
                return g;
            }

            // Two threads may both produce it; they produce equal geometries and the first one published wins.
            Interlocked.CompareExchange(ref _geometry, _load!(), null);
            return _geometry;
        }
    }

    /// <summary>
    /// The geometry without keeping it when it was deferred: a computation that looks at many parcels once (and
    /// keeps some of them) does not hold every geometry it produced.
    /// </summary>
    internal Geometry Peek() => Volatile.Read(ref _geometry) ?? _load!();
}
