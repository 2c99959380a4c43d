using System.Xml.Linq;

namespace Facilities.Reports.Styles;

/// <summary>Candidate sites as the map draws them (layers.js siteStyle): Okabe–Ito purple at 0.35 under a dark plum outline, in QML and SLD.</summary>
public static class SiteStyle
{
    /// <summary>The outline (layers.js siteStyle stroke).</summary>
    public const string Outline = "#7a1f5c";

    /// <summary>The fill's opacity on the map.</summary>
    private const double FillOpacity = 0.35;

    /// <summary>The label in the legend, Vietnamese / English.</summary>
    public const string Label = "Địa điểm đề xuất / Candidate sites";

    /// <summary>The QML: one fill symbol for every site.</summary>
    public static string Qml()
    {
        var renderer = new XElement("renderer-v2",
            new XAttribute("type", "singleSymbol"), new XAttribute("symbollevels", "0"), new XAttribute("forceraster", "0"), new XAttribute("enableorderby", "0"),
            new XElement("symbols", new XElement("symbol",
                new XAttribute("type", "fill"), new XAttribute("name", "0"),
                new XAttribute("alpha", "1"), new XAttribute("clip_to_extent", "1"), new XAttribute("force_rhr", "0"),
                QgisQml.Layer("SimpleFill",
                    QgisQml.Prop("color", QgisQml.Rgba(MapPalette.OkabeIto["purple"], FillOpacity)),
                    QgisQml.Prop("style", "solid"),
                    QgisQml.Prop("outline_color", QgisQml.Rgba(Outline, 1)),
                    QgisQml.Prop("outline_style", "solid"),
                    // The map's 3 px line is about 0.8 mm on screen.
                    QgisQml.Prop("outline_width", "0.8"),
                    QgisQml.Prop("outline_width_unit", "MM")))));
        return QgisQml.Document(renderer);
    }

    /// <summary>The SLD: one rule without a filter.</summary>
    public static string Sld(string layer) => OgcSld.Document(layer,
    [
        new XElement(OgcSld.Se + "Rule", new XElement(OgcSld.Se + "Name", "candidate_sites"),
            new XElement(OgcSld.Se + "Description", new XElement(OgcSld.Se + "Title", Label)),
            new XElement(OgcSld.Se + "PolygonSymbolizer",
                new XElement(OgcSld.Se + "Fill", OgcSld.Svg("fill", MapPalette.OkabeIto["purple"]), OgcSld.Svg("fill-opacity", WardChoropleth.Num(FillOpacity))),
                new XElement(OgcSld.Se + "Stroke", OgcSld.Svg("stroke", Outline), OgcSld.Svg("stroke-width", "3")))),
    ]);
}
