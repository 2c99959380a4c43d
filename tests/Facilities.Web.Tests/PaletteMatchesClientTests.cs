using System.Text.Json;
using Facilities.Reports.Styles;

namespace Facilities.Web.Tests;

/// <summary>
/// The server's styles (GeoPackage layer_styles, style.json) use the colours and class breaks of the map app: the
/// app's ramp.js, run by node, is the reference, so a colour or a break changed on one side only fails here.
/// </summary>
public sealed class PaletteMatchesClientTests
{
    [Fact]
    public void Every_colour_of_the_server_palette_is_the_one_rampjs_exports()
    {
        var palette = ClientRamp.Run(new { sets = Array.Empty<double[]>() }).GetProperty("palette");

        Assert.Equal(Strings(palette.GetProperty("VIRIDIS_5")), MapPalette.Viridis5);
        Assert.Equal(Strings(palette.GetProperty("CIVIDIS_4")), MapPalette.Cividis4);
        Assert.Equal(
            (palette.GetProperty("NO_SHORTAGE").GetString(), palette.GetProperty("UNKNOWN").GetString(), palette.GetProperty("NO_DATA").GetString(), palette.GetProperty("NO_DATA_LINE").GetString()),
            (MapPalette.NoShortage, MapPalette.Unknown, MapPalette.NoData, MapPalette.NoDataLine));
        Assert.Equal(
            palette.GetProperty("OKABE_ITO").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            MapPalette.OkabeIto.ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public void The_class_breaks_and_colours_are_rampjs_classify_on_the_same_values()
    {
        // Skewed sets as ward deficits are (a few large), with ties, zeros, negatives, fractions and nulls; fixed seed.
        var random = new Random(14);
        var sets = Enumerable.Range(0, 40).Select(n => Enumerable.Range(0, 1 + random.Next(n + 2)).Select(_ => random.Next(6) switch
        {
            0 => (double?)null,
            1 => -random.Next(5),
            2 => Math.Round(random.NextDouble() * 4, 2),
            _ => Math.Round(Math.Exp(random.NextDouble() * 4), random.Next(2)),
        }).ToArray()).Append([]).Append([3, 3, 3]).Append([1, 2]).ToList();

        var client = ClientRamp.Run(new { sets }).GetProperty("sets").EnumerateArray().ToList();

        Assert.Equal(sets.Count, client.Count);
        for (var i = 0; i < sets.Count; i++)
        {
            var expected = client[i].EnumerateArray().Select(c => (c.GetProperty("lower").GetDouble(), c.GetProperty("upper").GetDouble(), c.GetProperty("colour").GetString())).ToList();
            Assert.Equal(expected, ColourClasses.Classify(sets[i]).Select(c => (c.Lower, c.Upper, (string?)c.Colour)).ToList());
        }
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
