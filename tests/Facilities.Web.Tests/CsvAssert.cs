using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Facilities.Reports.Results;

namespace Facilities.Web.Tests;

/// <summary>Compares an API FeatureCollection with the CSV (and stamp file) the CLI wrote for the same options.</summary>
internal static class CsvAssert
{
    /// <summary>
    /// Every CSV row has a feature whose properties hold the same columns, in the same order, with the same text
    /// once formatted as the CSV formats numbers; an empty cell is null. The stamp equals the .stamp.json file.
    /// <paramref name="mapOnly"/> names fields the map answer adds to the CSV's columns (their own tests check them).
    /// </summary>
    public static void SameAsCsv(JsonElement collection, string csvPath, Func<Dictionary<string, string>, string> featureId, params string[] mapOnly)
    {
        using var reader = new StreamReader(csvPath);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var features = collection.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties"));
        var rows = 0;
        while (csv.Read())
        {
            var row = header.ToDictionary(h => h, h => csv.GetField(h)!);
            var id = featureId(row);
            Assert.True(features.TryGetValue(id, out var properties), $"no feature {id}");
            Assert.Equal(header, properties.EnumerateObject().Select(p => p.Name).Where(n => !mapOnly.Contains(n)).ToArray());
            foreach (var h in header)
            {
                Assert.True(row[h] == Text(properties.GetProperty(h)), $"{id}.{h}: CSV '{row[h]}', API {properties.GetProperty(h)}");
            }

            rows++;
        }

        Assert.Equal(rows, features.Count);
        Assert.True(rows > 0);
        var stamp = JsonDocument.Parse(File.ReadAllText(csvPath + ".stamp.json")).RootElement;
        Assert.Equal(
            stamp.EnumerateObject().Select(p => (p.Name, p.Value.GetString())),
            collection.GetProperty("stamp").EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }

    private static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number when v.TryGetInt64(out var l) => ResultCsvWriter.Text(l),
        JsonValueKind.Number => ResultCsvWriter.Text(v.GetDouble()),
        _ => v.GetRawText(),
    };
}
