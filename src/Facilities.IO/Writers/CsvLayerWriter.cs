using System.Globalization;
using System.Text;
using CsvHelper;
using Facilities.Core.Features;
using Facilities.Core.Import;
using NetTopologySuite.IO;

namespace Facilities.IO.Writers;

/// <summary>
/// Writes a layer as CSV: the fields, then lon and lat (x and y in a projected CRS) of the feature's anchor point (the point itself, or a
/// polygon's interior point) and the geometry as WKT. UTF-8 with a byte-order mark so Excel shows Vietnamese
/// correctly; invariant numbers; byte-identical for the same input.
/// </summary>
public static class CsvLayerWriter
{
    /// <summary>Writes <paramref name="layer"/> to <paramref name="path"/>.</summary>
    public static void Write(FeatureLayer layer, string path) => AtomicFile.Write(path, temp =>
    {
        using var writer = new StreamWriter(temp, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.NewLine = "\n";
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var f in layer.Fields)
        {
            csv.WriteField(f.Name);
        }

        var geographic = layer.Crs?.IsGeographic ?? true;
        csv.WriteField(geographic ? "lon" : "x");
        csv.WriteField(geographic ? "lat" : "y");
        csv.WriteField("wkt");
        csv.NextRecord();
        var wkt = new WKTWriter { OutputOrdinates = NetTopologySuite.Geometries.Ordinates.XY };
        foreach (var feature in layer.Features)
        {
            foreach (var f in layer.Fields)
            {
                csv.WriteField(feature[f.Name] switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString(),
                });
            }

            if (feature.Geometry is { } g)
            {
                var anchor = WardLocator.Anchor(g);
                csv.WriteField(anchor.X.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(anchor.Y.ToString("R", CultureInfo.InvariantCulture));
                csv.WriteField(wkt.Write(g));
            }
            else
            {
                csv.WriteField("");
                csv.WriteField("");
                csv.WriteField("");
            }

            csv.NextRecord();
        }
    });
}
