namespace Facilities.Reports.Results;

/// <summary>A default style of one GeoPackage layer (a row of <see cref="GeoPackageLayerStyles.Table"/>).</summary>
public sealed record LayerStyleEntry(string Layer, string GeometryColumn, string Name, string Qml, string Sld, string Description);
