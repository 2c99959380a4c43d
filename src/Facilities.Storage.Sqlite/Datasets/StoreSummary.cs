using System.Globalization;
using Facilities.Core.Datasets;
using Facilities.Core.Features;
using Facilities.Core.Schema;
using Facilities.Storage.Sqlite.GeoPackage;
using NetTopologySuite.Geometries;

namespace Facilities.Storage.Sqlite.Datasets;

/// <summary>
/// What <c>facilities info</c> shows of any store: for a GeoPackage the SQL totals of <see cref="DatasetSummary"/>;
/// for another store the same totals over the layers read through the port (sums of the non-negative number
/// fields with how many rows have a value, counts per code, the extent).
/// </summary>
public static class StoreSummary
{
    /// <summary>One summary per layer, in schema order.</summary>
    public static List<LayerSummary> Compute(IDatasetStore store)
    {
        if (store is GeoPackageStore g)
        {
            return DatasetSummary.Compute(g.Path);
        }

        var order = DatasetSchema.Layers.Select(l => l.Name).ToList();
        var result = new List<LayerSummary>();
        foreach (var info in store.Describe().OrderBy(d => order.IndexOf(d.Name) is var i && i < 0 ? int.MaxValue : i).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            var layer = store.ReadLayer(info.Name)!;
            var extent = new Envelope();
            foreach (var f in layer.Features)
            {
                if (f.Geometry is { IsEmpty: false } geometry)
                {
                    extent.ExpandToInclude(geometry.EnvelopeInternal);
                }
            }

            var table = new GeoPackageTableInfo(info.Name, "geom", info.GeometryType, info.Srid ?? 0, info.Srid is null ? null : "EPSG", info.Srid, null, extent.IsNull ? null : extent);
            var sums = new List<FieldTotal>();
            var groups = new List<(string, IReadOnlyList<(string, long)>)>();
            if (DatasetSchema.Find(info.Name) is { } schema)
            {
                foreach (var f in schema.Fields.Where(f => layer.Field(f.Name) is not null))
                {
                    var values = layer.Features.Select(x => x[f.Name]).Where(v => v is not null).ToList();
                    if (f.Type is FieldType.Integer or FieldType.Real && f.NonNegative)
                    {
                        var numbers = values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList();
                        sums.Add(new FieldTotal(f.Name, numbers.Count == 0 ? null : numbers.Sum(), numbers.Count));
                    }
                    else if (f.AllowedValues is not null || f.Name == "land_use")
                    {
                        groups.Add((f.Name, [.. layer.Features
                            .GroupBy(x => Convert.ToString(x[f.Name], CultureInfo.InvariantCulture) ?? "(null)", StringComparer.Ordinal)
                            .Select(g => (g.Key, (long)g.Count()))
                            .OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)]));
                    }
                }
            }

            result.Add(new LayerSummary(table, info.Count, sums, groups));
        }

        return result;
    }
}
