namespace Facilities.Reports.Styles;

/// <summary>One choropleth class: values in (<paramref name="Lower"/>, <paramref name="Upper"/>] drawn in <paramref name="Colour"/> (#rrggbb).</summary>
public sealed record ColourClass(double Lower, double Upper, string Colour)
{
    /// <summary>The legend text of the class as the app writes it: "3" for a one-unit class, else "lower+1–upper".</summary>
    public string Label => Upper - Lower == 1
        ? Upper.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Lower + 1}–{Upper}");
}
