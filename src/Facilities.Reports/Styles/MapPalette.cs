namespace Facilities.Reports.Styles;

/// <summary>
/// The map app's colours (src/Facilities.Web/client/src/ramp.js) for the styles the server writes: the GeoPackage
/// layer_styles and the MapLibre style.json. ramp.js is the original; PaletteMatchesClientTests reads it and fails when
/// the two drift apart, so a colour is changed in both or the build's tests say so.
/// </summary>
public static class MapPalette
{
    /// <summary>Viridis, five classes, light (few rooms short) to dark (many): the ward choropleths.</summary>
    public static readonly IReadOnlyList<string> Viridis5 = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

    /// <summary>Wards with no shortage (value ≤ 0).</summary>
    public const string NoShortage = "#f2f2f2";

    /// <summary>Wards or schools without a value.</summary>
    public const string Unknown = "#b8b8b8";

    /// <summary>Fill of wards with no school of the level in the data (hatched).</summary>
    public const string NoData = "#bdbdbd";

    /// <summary>Hatch lines over <see cref="NoData"/>.</summary>
    public const string NoDataLine = "#737373";

    /// <summary>Cividis, four school load classes (&lt; 0.8, ≤ 1.0, ≤ 1.2, more).</summary>
    public static readonly IReadOnlyList<string> Cividis4 = ["#00224e", "#575c6d", "#a59c74", "#fee838"];

    /// <summary>Okabe &amp; Ito's categorical colours, by the names ramp.js uses.</summary>
    public static readonly IReadOnlyDictionary<string, string> OkabeIto = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["orange"] = "#E69F00",
        ["skyBlue"] = "#56B4E9",
        ["green"] = "#009E73",
        ["yellow"] = "#F0E442",
        ["blue"] = "#0072B2",
        ["vermillion"] = "#D55E00",
        ["purple"] = "#CC79A7",
        ["grey"] = "#999999",
    };

    /// <summary>Opacity of a ward fill (the app draws wards at 0.85 over the base map).</summary>
    public const double WardFillOpacity = 0.85;
}
