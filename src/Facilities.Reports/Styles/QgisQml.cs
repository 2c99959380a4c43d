using System.Globalization;
using System.Xml.Linq;

namespace Facilities.Reports.Styles;

/// <summary>
/// A ward choropleth as a QGIS style (QML): a categorized renderer on <see cref="WardChoropleth.QgisExpression"/>, one
/// category per legend entry, no-data wards as a grey fill under 45° grey hatch lines (as the app's pattern). Only the
/// properties that differ from QGIS's defaults are written; QGIS 3.x fills in the rest when it reads the style.
/// </summary>
public static class QgisQml
{
    /// <summary>Outline of every ward (the app draws a white 1.2 px line; 0.3 mm is about that on screen).</summary>
    private const string OutlineMm = "0.3";

    /// <summary>The QML document as text.</summary>
    public static string Write(WardChoropleth style)
    {
        var categories = new XElement("categories", style.Categories.Select((c, i) => new XElement("category",
            new XAttribute("value", c.Key), new XAttribute("symbol", i.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("label", c.Label), new XAttribute("render", "true"))));
        var symbols = new XElement("symbols", style.Categories.Select((c, i) => Symbol(i.ToString(CultureInfo.InvariantCulture), c)));
        var renderer = new XElement("renderer-v2",
            new XAttribute("type", "categorizedSymbol"), new XAttribute("attr", style.QgisExpression()),
            new XAttribute("symbollevels", "0"), new XAttribute("forceraster", "0"), new XAttribute("enableorderby", "0"),
            categories, symbols);
        return Document(renderer);
    }

    /// <summary>A QML document holding <paramref name="renderer"/>.</summary>
    internal static string Document(XElement renderer) => new XDocument(
        new XDocumentType("qgis", "http://mrcc.com/qgis.dtd", "SYSTEM", null),
        new XElement("qgis", new XAttribute("version", "3.22.0"), new XAttribute("styleCategories", "Symbology"), renderer)).ToString();

    private static XElement Symbol(string name, WardStyleCategory c)
    {
        var symbol = new XElement("symbol", new XAttribute("type", "fill"), new XAttribute("name", name),
            new XAttribute("alpha", "1"), new XAttribute("clip_to_extent", "1"), new XAttribute("force_rhr", "0"),
            Layer("SimpleFill",
                Prop("color", Rgba(c.Colour, c.Hatched ? 1 : MapPalette.WardFillOpacity)),
                Prop("style", "solid"),
                Prop("outline_color", "255,255,255,255"),
                Prop("outline_style", "solid"),
                Prop("outline_width", OutlineMm),
                Prop("outline_width_unit", "MM")));
        if (c.Hatched)
        {
            var line = new XElement("symbol", new XAttribute("type", "line"), new XAttribute("name", "@" + name + "@1"),
                new XAttribute("alpha", "1"), new XAttribute("clip_to_extent", "1"), new XAttribute("force_rhr", "0"),
                Layer("SimpleLine",
                    Prop("line_color", Rgba(MapPalette.NoDataLine, 1)),
                    Prop("line_style", "solid"),
                    Prop("line_width", "0.4"),
                    Prop("line_width_unit", "MM")));
            symbol.Add(Layer("LinePatternFill",
                Prop("angle", "45"),
                Prop("distance", "2"),
                Prop("distance_unit", "MM"),
                Prop("color", Rgba(MapPalette.NoDataLine, 1)),
                line));
        }

        return symbol;
    }

    internal static XElement Layer(string cls, params object[] content) =>
        new("layer", new XAttribute("class", cls), new XAttribute("enabled", "1"), new XAttribute("locked", "0"),
            new XAttribute("pass", "0"), content);

    internal static XElement Prop(string k, string v) => new("prop", new XAttribute("k", k), new XAttribute("v", v));

    /// <summary>#rrggbb and an opacity as QGIS's "r,g,b,a".</summary>
    public static string Rgba(string hex, double opacity)
    {
        var n = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var a = (int)Math.Round(opacity * 255, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{(n >> 16) & 255},{(n >> 8) & 255},{n & 255},{a}");
    }
}
