using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Validation;

namespace Facilities.Application.Import;

/// <summary>Checks every layer of a stored dataset against the schema, as an import would.</summary>
public static class DatasetValidator
{
    /// <summary>All problems of the dataset at <paramref name="path"/>.</summary>
    public static IssueList Validate(string path) => Validate(new Storage.Sqlite.Datasets.GeoPackageStore(path));

    /// <summary>All problems of the dataset in <paramref name="store"/> (issues name the dataset by its store name).</summary>
    public static IssueList Validate(Facilities.Core.Datasets.IDatasetStore store)
    {
        var file = store.Name;
        var all = new IssueList(file, null);
        var tables = store.Describe().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        FeatureLayer? wards = null;
        foreach (var schema in DatasetSchema.Layers)
        {
            if (!tables.Contains(schema.Name))
            {
                all.Warning("layer-absent", null, null,
                    $"bộ dữ liệu chưa có lớp '{schema.Name}'.", $"the dataset has no '{schema.Name}' layer yet.");
                continue;
            }

            var readIssues = new IssueList(file, schema.Name);
            var layer = store.ReadLayer(schema.Name, readIssues)!;
            all.AddRange(readIssues.Items);
            var result = LayerImporter.Import(layer, new ImportOptions(schema, file) { Wards = wards });
            all.AddRange(result.Issues.Items);
            if (schema.Name == "wards")
            {
                wards = result.Layer;
            }
        }

        return all;
    }
}
