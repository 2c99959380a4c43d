using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Validation;
using Facilities.IO.Readers;
using Facilities.IO.Store;

namespace Facilities.IO;

/// <summary>
/// Reads a GIS file, converts and validates it as a dataset layer and, only when it has no errors, stores it
/// in the dataset. A failed import writes nothing.
/// </summary>
public static class DatasetImporter
{
    /// <summary>Imports (or, with <paramref name="dryRun"/>, only checks) one file as one layer.</summary>
    /// <param name="request">What to import and how.</param>
    /// <param name="dryRun">Check only; never write.</param>
    /// <returns>Every problem found and the converted layer; <see cref="ImportOutcome.Written"/> says if it was stored.</returns>
    public static ImportOutcome Import(ImportRequest request, bool dryRun = false)
    {
        var schema = DatasetSchema.Get(request.Layer);
        var file = Path.GetFileName(request.SourcePath);
        var readIssues = new IssueList(file, schema.Name);
        var mapping = FieldMapping.BuiltIn;
        if (request.MappingPath is { } mp)
        {
            var json = TextFileCheck.ReadUtf8(mp, null);
            try
            {
                mapping = mapping.With(FieldMapping.Parse(json, Path.GetFileName(mp)));
            }
            catch (FormatException e)
            {
                throw new DataFileException("mapping-invalid", Path.GetFileName(mp), null, e.Message, e.Message, e);
            }
        }

        var raw = LayerFileReader.Read(request.SourcePath, schema.Name, request.SourceTable, readIssues, request.CrsOverride, request.Read);
        FeatureLayer? wards = null;
        if (schema.Name == "schools" && request.DatasetPath is { } ds && File.Exists(ds))
        {
            wards = GeoPackageDataset.ReadLayer(ds, "wards");
        }

        var result = LayerImporter.Import(raw, new ImportOptions(schema, file)
        {
            Mapping = mapping,
            CrsOverride = request.CrsOverride,
            Wards = wards,
            ClockwiseShellsExpected = Path.GetExtension(request.SourcePath).Equals(".shp", StringComparison.OrdinalIgnoreCase),
            IdTemplate = request.IdTemplate,
            Progress = request.Progress,
        });
        var issues = new IssueList(file, schema.Name);
        issues.AddRange(readIssues.Items);
        issues.AddRange(result.Issues.Items);
        var stored = result.Layer;
        if (request.Append && request.DatasetPath is { } target && File.Exists(target) && GeoPackageDataset.ReadLayer(target, schema.Name) is { } existing)
        {
            stored = Append(existing, result.Layer, schema, issues);
        }
        if (issues.HasErrors || dryRun || request.DatasetPath is null)
        {
            return new ImportOutcome(result.Layer, issues, Written: false, raw.Crs ?? request.CrsOverride) { Columns = result.Columns };
        }

        var sourceCrs = request.CrsOverride ?? raw.Crs!;
        var prefix = $"layer.{schema.Name}.";
        IReadOnlyDictionary<string, string> metadata = new Dictionary<string, string>
        {
            [prefix + "source"] = file,
            [prefix + "source_sha256"] = GeoPackageDataset.Hash(request.SourcePath),
            [prefix + "source_crs"] = sourceCrs.Label,
            [prefix + "features"] = result.Layer.Features.Count.ToString(CultureInfo.InvariantCulture),
            [prefix + "mapping_version"] = mapping.Version,
        };
        if (request.Append)
        {
            metadata = metadata.ToDictionary(kv => kv.Key.Replace(prefix, $"{prefix}appended.{file}.", StringComparison.Ordinal), kv => kv.Value);
        }

        GeoPackageDataset.ReplaceLayers(request.DatasetPath, [stored], metadata, progress: request.Progress);
        return new ImportOutcome(result.Layer, issues, Written: true, sourceCrs) { Columns = result.Columns };
    }

    // POLICY: appending keeps ids unique across the layer; a clash is an error, so nothing is written.
    private static FeatureLayer Append(FeatureLayer existing, FeatureLayer added, LayerSchema schema, IssueList issues)
    {
        var ids = existing.Features.Select(f => f[schema.IdField] as string).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var f in added.Features)
        {
            if (f[schema.IdField] is string id && ids.Contains(id))
            {
                issues.Error("id-duplicate", id, schema.IdField,
                    $"mã '{id}' đã có trong lớp '{schema.Name}' của bộ dữ liệu; không thể nối thêm.",
                    $"id '{id}' is already in the dataset's '{schema.Name}' layer; cannot append.");
            }
        }

        var fields = new List<FieldInfo>(existing.Fields);
        foreach (var f in added.Fields)
        {
            var i = fields.FindIndex(x => x.Name == f.Name);
            if (i < 0)
            {
                fields.Add(f);
            }
            else if (fields[i].Type != f.Type)
            {
                fields[i] = fields[i] with { Type = FieldType.Text };
            }
        }

        var offset = existing.Features.Count;
        var features = existing.Features
            .Concat(added.Features.Select(f => new FeatureRecord(offset + f.Ordinal, f.Geometry, f.Attributes)))
            .ToList();
        return new FeatureLayer(existing.Name, existing.Crs, fields, features);
    }
}
