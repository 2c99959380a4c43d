namespace Facilities.Core.Spatial;

/// <summary>
/// A coordinate reference system the tool can transform from and to: its EPSG code (when it has one),
/// a readable name and a WKT1 definition that ProjNET parses. VN-2000 definitions always carry the
/// TOWGS84 shift of EPSG transformation 6960, so transforms to WGS 84 agree with PROJ.
/// </summary>
/// <param name="Srid">EPSG code, or 0 for a system recognised from a .prj that has no EPSG equivalent.</param>
/// <param name="Name">Readable name, e.g. "VN-2000 / TM-3 105-45".</param>
/// <param name="Wkt">WKT1 definition in the form ProjNET reads.</param>
/// <param name="IsGeographic">True when coordinates are degrees (lon, lat), false for metres.</param>
public sealed record CrsDefinition(int Srid, string Name, string Wkt, bool IsGeographic)
{
    /// <summary>"EPSG:9210", or the name when the system has no EPSG code.</summary>
    public string Label => Srid > 0 ? $"EPSG:{Srid.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : Name;

    /// <inheritdoc />
    public override string ToString() => Srid > 0 ? $"{Label} ({Name})" : Name;
}
