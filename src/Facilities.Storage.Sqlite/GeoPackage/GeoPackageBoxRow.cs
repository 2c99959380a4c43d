using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>One parcel read through the layer's R-tree: what a vector tile carries of it, geometry in EPSG:4326.</summary>
/// <param name="Fid">The row's feature id (its rowid: layer order).</param>
/// <param name="Id">The parcel id ("" when the row has none, as the parcels stream reads it).</param>
/// <param name="LandUse">Current land-use code ("" when none).</param>
/// <param name="AreaM2">Area as stored, or null when the row states none.</param>
/// <param name="Geometry">The geometry in EPSG:4326.</param>
public readonly record struct GeoPackageBoxRow(long Fid, string Id, string LandUse, double? AreaM2, Geometry Geometry);
