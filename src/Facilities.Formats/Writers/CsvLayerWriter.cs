using System.Globalization;
using System.Text;
using CsvHelper;
using Facilities.Core.Features;
using Facilities.Core.Import;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Facilities.Formats.Writers;

/// <summary>
/// Writes a layer as CSV: the fields, then the coordinates of the feature's anchor point (the point itself, or a
/// polygon's interior point) and, unless every feature is a point, the geometry as WKT. In EPSG:4326 the coordinates
/// are lon, lat; in a projected CRS they are written the way Vietnamese agencies write them, X = northing and
/// Y = easting in metres to the centimetre, under headers ("X (VN-2000)", "Y (VN-2000)") the CSV reader recognises.
/// UTF-8 with a byte-order mark so Excel shows Vietnamese correctly; invariant numbers; byte-identical for the same input.
/// Text that a spreadsheet would run as a formula gets a leading apostrophe (<see cref="SpreadsheetText"/>) unless
/// <c>raw</c> is asked for, for data round trips that must keep every value verbatim.
/// </summary>
public static class CsvLayerWriter
{
    /// <summary>Writes <paramref name="layer"/> to <paramref name="path"/>; <paramref name="raw"/> keeps formula-like text verbatim.</summary>
    public static void Write(FeatureLayer layer, string path, bool raw = false) => AtomicFile.Write(path, temp =>
    {
        using var writer = new StreamWriter(temp, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.NewLine = "\n";
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var f in layer.Fields)
        {
            csv.WriteField(f.Name);
        }

        var geographic = layer.Crs?.IsGeographic ?? true;
        // Points alone are fully given by X/Y; a WKT column would only repeat them, and on re-import it wins.
        var withWkt = geographic || layer.Features.Any(f => f.Geometry is not null and not Point);
        var datum = layer.Crs?.Name.Contains("VN-2000", StringComparison.Ordinal) == true ? " (VN-2000)" : "";
        csv.WriteField(geographic ? "lon" : "X" + datum);
        csv.WriteField(geographic ? "lat" : "Y" + datum);
        if (withWkt)
        {
            csv.WriteField("wkt");
        }

        csv.NextRecord();
        var wkt = new WKTWriter { OutputOrdinates = Ordinates.XY };
        foreach (var feature in layer.Features)
        {
            foreach (var f in layer.Fields)
            {
                csv.WriteField(feature[f.Name] switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                    string text when !raw => SpreadsheetText.Neutralise(text),
                    var v => v.ToString(),
                });
            }

            if (feature.Geometry is { } g)
            {
                var anchor = WardLocator.Anchor(g);
                csv.WriteField(geographic ? anchor.X.ToString("R", CultureInfo.InvariantCulture) : Centimetres(anchor.Y));
                csv.WriteField(geographic ? anchor.Y.ToString("R", CultureInfo.InvariantCulture) : Centimetres(anchor.X));
                if (withWkt)
                {
                    csv.WriteField(wkt.Write(g));
                }
            }
            else
            {
                csv.WriteField("");
                csv.WriteField("");
                if (withWkt)
                {
                    csv.WriteField("");
                }
            }

            csv.NextRecord();
        }
    });

    private static string Centimetres(double metres) => metres.ToString("F2", CultureInfo.InvariantCulture);
}
