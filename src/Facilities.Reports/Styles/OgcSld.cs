using System.Globalization;
using System.Xml.Linq;

namespace Facilities.Reports.Styles;

/// <summary>
/// A ward choropleth as an OGC SLD 1.1 / SE style (for tools that read styleSLD rather than QML): one rule per legend
/// entry with a filter that selects exactly its wards, the no-data rule hatched with a rotated line mark as QGIS
/// exports its line pattern fills.
/// </summary>
public static class OgcSld
{
    internal static readonly XNamespace Sld = "http://www.opengis.net/sld";
    internal static readonly XNamespace Se = "http://www.opengis.net/se";
    internal static readonly XNamespace Ogc = "http://www.opengis.net/ogc";

    /// <summary>The SLD document of <paramref name="style"/> for layer <paramref name="layer"/>.</summary>
    public static string Write(WardChoropleth style, string layer)
    {
        var valued = style.Categories.Where(c => c.Class is not null).ToList();
        return Document(layer, style.Categories.Select(c => Rule(c, Filter(style, c, c.Class is not null && c == valued[^1]))));
    }

    /// <summary>An SLD 1.1 document of one layer with these rules.</summary>
    internal static string Document(string layer, IEnumerable<XElement> rules) =>
        new XDocument(new XElement(Sld + "StyledLayerDescriptor",
            new XAttribute("version", "1.1.0"),
            new XAttribute(XNamespace.Xmlns + "se", Se), new XAttribute(XNamespace.Xmlns + "ogc", Ogc),
            new XElement(Sld + "NamedLayer", new XElement(Se + "Name", layer),
                new XElement(Sld + "UserStyle", new XElement(Se + "Name", layer),
                    new XElement(Se + "FeatureTypeStyle", rules))))).ToString();

    private static XElement Rule(WardStyleCategory c, XElement filter)
    {
        var rule = new XElement(Se + "Rule", new XElement(Se + "Name", c.Key),
            new XElement(Se + "Description", new XElement(Se + "Title", c.Label)), filter,
            new XElement(Se + "PolygonSymbolizer",
                new XElement(Se + "Fill", Svg("fill", c.Colour), Svg("fill-opacity", c.Hatched ? "1" : WardChoropleth.Num(MapPalette.WardFillOpacity))),
                new XElement(Se + "Stroke", Svg("stroke", "#ffffff"), Svg("stroke-width", "1"))));
        if (c.Hatched)
        {
            rule.Add(new XElement(Se + "PolygonSymbolizer", new XElement(Se + "Fill", new XElement(Se + "GraphicFill",
                new XElement(Se + "Graphic",
                    new XElement(Se + "Mark", new XElement(Se + "WellKnownName", "horline"),
                        new XElement(Se + "Stroke", Svg("stroke", MapPalette.NoDataLine), Svg("stroke-width", "1"))),
                    new XElement(Se + "Size", "8"),
                    new XElement(Se + "Rotation", new XElement(Ogc + "Literal", "45")))))));
        }

        return rule;
    }

    private static XElement Filter(WardChoropleth style, WardStyleCategory c, bool last)
    {
        var noData = Compare("PropertyIsEqualTo", WardChoropleth.StatusField, WardChoropleth.NoDataCode);
        if (c.Key == "no_data")
        {
            return new XElement(Ogc + "Filter", noData);
        }

        // data_status is NULL in files written before the column existed: such wards are not "no data" either.
        var hasData = new XElement(Ogc + "Or",
            Compare("PropertyIsNotEqualTo", WardChoropleth.StatusField, WardChoropleth.NoDataCode),
            new XElement(Ogc + "PropertyIsNull", Property(WardChoropleth.StatusField)));
        var own = c.Key switch
        {
            "unknown" => new List<XElement> { new(Ogc + "PropertyIsNull", Property(style.Field)) },
            "none" => new List<XElement> { Compare("PropertyIsLessThanOrEqualTo", style.Field, "0") },
            _ => new List<XElement> { Compare("PropertyIsGreaterThan", style.Field, WardChoropleth.Num(c.Class!.Lower)) },
        };
        if (c.Class is not null && !last)
        {
            own.Add(Compare("PropertyIsLessThanOrEqualTo", style.Field, WardChoropleth.Num(c.Class.Upper)));
        }

        return new XElement(Ogc + "Filter", new XElement(Ogc + "And", hasData, own));
    }

    internal static XElement Compare(string op, string field, string literal) =>
        new(Ogc + op, Property(field), new XElement(Ogc + "Literal", literal));

    internal static XElement Property(string field) => new(Ogc + "PropertyName", field);

    internal static XElement Svg(string name, string value) =>
        new(Se + "SvgParameter", new XAttribute("name", name), value.ToString(CultureInfo.InvariantCulture));
}
