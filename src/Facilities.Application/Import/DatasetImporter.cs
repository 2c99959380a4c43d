using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Validation;
using Facilities.Formats;
using Facilities.Formats.Readers;
using Facilities.Storage.Sqlite;
using Facilities.Storage.Sqlite.GeoPackage;

namespace Facilities.Application.Import;

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
        var target = request.Target ?? (request.DatasetPath is { } path ? new Storage.Sqlite.Datasets.GeoPackageStore(path) : null);
        var targetExists = target is not null && Exists(target);
        if (schema.Name == "schools" && targetExists)
        {
            wards = target!.ReadLayer("wards");
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
        var rejected = 0;
        if (request.KeepValid)
        {
            (result, issues, rejected) = KeepValid(result, issues, file, schema.Name);
        }

        IReadOnlyList<ColumnMapping> columns = [.. result.Columns, .. ColumnMapping.ForGeometry(raw.GeometrySources)];
        var stored = result.Layer;
        if (request.Append && targetExists && target!.ReadLayer(schema.Name) is { } existing)
        {
            stored = Append(existing, result.Layer, schema, issues);
        }
        if (issues.HasErrors || dryRun || target is null)
        {
            return new ImportOutcome(result.Layer, issues, Written: false, raw.Crs ?? request.CrsOverride) { Columns = columns, Rejected = rejected };
        }

        // The refused rows go out first: if the dataset write then fails, the agency still has what to fix.
        if (rejected > 0 && request.RejectsPath is { } rejectsPath)
        {
            RejectsWriter.Write(rejectsPath, raw, result.RowErrors);
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

        if (!string.IsNullOrWhiteSpace(request.Title))
        {
            metadata = new Dictionary<string, string>(metadata) { [DatasetTitle.Key] = request.Title.Trim() };
        }

        if (target is Storage.Sqlite.Datasets.GeoPackageStore gpkg)
        {
            GeoPackageDataset.ReplaceLayers(gpkg.Path, [stored], metadata, progress: request.Progress);
        }
        else
        {
            target.ReplaceLayers([stored], metadata);
        }

        return new ImportOutcome(result.Layer, issues, Written: true, sourceCrs) { Columns = columns, Rejected = rejected };
    }

    // A dataset that does not exist yet is created by the import: a file not there, a database without the schema.
    private static bool Exists(Facilities.Core.Datasets.IDatasetStore store)
    {
        if (store is Storage.Sqlite.Datasets.GeoPackageStore file)
        {
            return File.Exists(file.Path);
        }

        try
        {
            _ = store.Describe();
            return true;
        }
        catch (Facilities.Core.Datasets.DatasetUnavailableException e) when (e.Problem == Facilities.Core.Datasets.DatasetProblem.DatasetMissing)
        {
            return false;
        }
    }

    // POLICY: with --keep-valid, rows whose only errors are their own are left out and their errors become warnings;
    // any error of the layer as a whole (a missing required field, an unknown CRS, a reader's error) still refuses
    // everything, and so does a file with no valid row at all.
    private static (ImportResult Result, IssueList Issues, int Rejected) KeepValid(ImportResult result, IssueList issues, string file, string layer)
    {
        var rowIssues = result.RowErrors.Values.SelectMany(x => x).ToHashSet(ReferenceEqualityComparer.Instance);
        if (rowIssues.Count == 0 || issues.Items.Any(i => i.Severity == IssueSeverity.Error && !rowIssues.Contains(i)))
        {
            return (result, issues, 0);
        }

        var kept = result.Layer.Features.Where(f => !result.RowErrors.ContainsKey(f.Ordinal)).ToList();
        var total = result.Layer.Features.Count;
        var rebuilt = new IssueList(file, layer);
        if (kept.Count == 0)
        {
            rebuilt.AddRange(issues.Items);
            rebuilt.Error("no-valid-rows", null, null,
                $"cả {total} dòng đều bị từ chối; không có gì để nhập.",
                $"all {total} rows were refused; there is nothing to import.");
            return (result, rebuilt, 0);
        }

        rebuilt.AddRange(issues.Items.Select(i => rowIssues.Contains(i) ? i with { Severity = IssueSeverity.Warning } : i));
        var count = result.RowErrors.Count;
        rebuilt.Notice("rows-rejected", null, null,
            $"--keep-valid: nhập {kept.Count} dòng hợp lệ, từ chối {count} dòng (các cảnh báo ở trên nói lý do; các dòng này được ghi vào tệp --rejects).",
            $"--keep-valid: {kept.Count} valid rows imported, {count} rows refused (the warnings above give the reasons; the rows are written to the --rejects file).");
        var layerOut = new FeatureLayer(result.Layer.Name, result.Layer.Crs, result.Layer.Fields, kept);
        return (result with { Layer = layerOut }, rebuilt, count);
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
