namespace Facilities.Core.Screening;

/// <summary>The hard constraints of the parcel screening, in the order they are tested (cheapest first).</summary>
public enum HardConstraint
{
    /// <summary>Area at least the minimum site area of the level (min classes × class cap × m² per pupil).</summary>
    Area,

    /// <summary>Land use or planned land use is education land (DGD), or convertible public land.</summary>
    LandUse,

    /// <summary>At least the configured distance from every industrial zone.</summary>
    IndustrialDistance,

    /// <summary>Does not overlap an existing school site (a point school inside the parcel counts).</summary>
    SchoolOverlap,

    /// <summary>Compact enough: the largest inscribed circle is at least the minimum width across.</summary>
    Width,
}
