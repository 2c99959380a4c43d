namespace Facilities.Core.Screening;

/// <summary>A parcel that fails at least one hard constraint, with every constraint it fails.</summary>
/// <param name="ParcelId">Parcel id.</param>
/// <param name="Failed">The constraints it fails, in test order.</param>
public sealed record ParcelRejection(string ParcelId, IReadOnlyList<HardConstraint> Failed);
