using System.Globalization;
using System.Xml.Linq;

namespace Facilities.Reports.Styles;

/// <summary>
/// Schools coloured by their served compliance status (compliance_status: pass, fail, unknown), as the map colours them
/// (ramp.js COMPLIANCE_COLOURS; a missing or other status is drawn as unknown), in QML and SLD.
/// </summary>
public static class SchoolStatusStyle
{
    /// <summary>The column the style reads.</summary>
    public const string Field = "compliance_status";

    /// <summary>The categories in legend order: the value, its label (Vietnamese / English) and colour.</summary>
    public static readonly IReadOnlyList<(string Value, string Label, string Colour)> Categories =
    [
        ("pass", "Đạt / Pass", MapPalette.OkabeIto["blue"]),
        ("fail", "Không đạt / Fail", MapPalette.OkabeIto["vermillion"]),
        ("unknown", "Chưa rõ / Unknown", MapPalette.OkabeIto["grey"]),
    ];

    /// <summary>A school's fill opacity on the map (layers.js schoolStyle).</summary>
    private const double Opacity = 0.9;

    /// <summary>The QML: a categorized renderer on the status, anything else falling into "unknown".</summary>
    public static string Qml()
    {
        var expression = $"CASE WHEN \"{Field}\" IN ('pass', 'fail') THEN \"{Field}\" ELSE 'unknown' END";
        var renderer = new XElement("renderer-v2",
            new XAttribute("type", "categorizedSymbol"), new XAttribute("attr", expression),
            new XAttribute("symbollevels", "0"), new XAttribute("forceraster", "0"), new XAttribute("enableorderby", "0"),
            new XElement("categories", Categories.Select((c, i) => new XElement("category",
                new XAttribute("value", c.Value), new XAttribute("symbol", i.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("label", c.Label), new XAttribute("render", "true")))),
            new XElement("symbols", Categories.Select((c, i) => new XElement("symbol",
                new XAttribute("type", "marker"), new XAttribute("name", i.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("alpha", "1"), new XAttribute("clip_to_extent", "1"), new XAttribute("force_rhr", "0"),
                QgisQml.Layer("SimpleMarker",
                    QgisQml.Prop("name", "circle"),
                    QgisQml.Prop("color", QgisQml.Rgba(c.Colour, Opacity)),
                    QgisQml.Prop("outline_color", "26,26,26,255"),
                    QgisQml.Prop("outline_style", "solid"),
                    QgisQml.Prop("outline_width", "0.26"),
                    QgisQml.Prop("outline_width_unit", "MM"),
                    QgisQml.Prop("size", "3"),
                    QgisQml.Prop("size_unit", "MM"))))));
        return QgisQml.Document(renderer);
    }

    /// <summary>The SLD: one rule per status; unknown takes every school that is neither pass nor fail (or has no status).</summary>
    public static string Sld(string layer)
    {
        var rules = Categories.Select(c =>
        {
            var filter = c.Value == "unknown"
                ? new XElement(OgcSld.Ogc + "Or",
                    new XElement(OgcSld.Ogc + "And", OgcSld.Compare("PropertyIsNotEqualTo", Field, "pass"), OgcSld.Compare("PropertyIsNotEqualTo", Field, "fail")),
                    new XElement(OgcSld.Ogc + "PropertyIsNull", OgcSld.Property(Field)))
                : OgcSld.Compare("PropertyIsEqualTo", Field, c.Value);
            return new XElement(OgcSld.Se + "Rule", new XElement(OgcSld.Se + "Name", c.Value),
                new XElement(OgcSld.Se + "Description", new XElement(OgcSld.Se + "Title", c.Label)),
                new XElement(OgcSld.Ogc + "Filter", filter),
                new XElement(OgcSld.Se + "PointSymbolizer", new XElement(OgcSld.Se + "Graphic",
                    new XElement(OgcSld.Se + "Mark", new XElement(OgcSld.Se + "WellKnownName", "circle"),
                        new XElement(OgcSld.Se + "Fill", OgcSld.Svg("fill", c.Colour), OgcSld.Svg("fill-opacity", WardChoropleth.Num(Opacity))),
                        new XElement(OgcSld.Se + "Stroke", OgcSld.Svg("stroke", "#1a1a1a"), OgcSld.Svg("stroke-width", "1"))),
                    new XElement(OgcSld.Se + "Size", "11"))));
        });
        return OgcSld.Document(layer, rules);
    }
}
