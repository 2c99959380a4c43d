namespace Facilities.Core.Datasets;

/// <summary>One layer of a dataset as its store describes it.</summary>
/// <param name="Name">Layer name (wards, schools, …).</param>
/// <param name="GeometryType">Declared geometry type (POINT, MULTIPOLYGON, GEOMETRY …).</param>
/// <param name="Srid">EPSG code of the stored geometry, when the store knows one.</param>
/// <param name="Count">Number of features.</param>
public sealed record DatasetLayerInfo(string Name, string GeometryType, int? Srid, long Count);
