namespace Facilities.Core.Model;

/// <summary>The attributes of a parcel the screening's rules read, besides its area: one class of a <see cref="ParcelTable"/>.</summary>
/// <param name="LandUse">Current land-use code ("" when unknown).</param>
/// <param name="PlannedLandUse">Planned land-use code, when known.</param>
/// <param name="OwnerType">Owner type, when known.</param>
internal readonly record struct ParcelAttributes(string LandUse, string? PlannedLandUse, string? OwnerType);
