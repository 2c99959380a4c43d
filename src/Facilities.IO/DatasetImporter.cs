using System.Globalization;
using Facilities.Core.Features;
using Facilities.Core.Import;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
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

        var raw = LayerFileReader.Read(request.SourcePath, schema.Name, request.SourceTable, readIssues, request.CrsOverride);
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
            return new ImportOutcome(result.Layer, issues, Written: false, raw.Crs ?? request.CrsOverride);
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
        return new ImportOutcome(result.Layer, issues, Written: true, sourceCrs);
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

/// <summary>An import of one file into one dataset layer.</summary>
/// <param name="SourcePath">GeoJSON, Shapefile (.shp), CSV or GeoPackage file.</param>
/// <param name="Layer">Dataset layer name (wards, schools, urban_areas, industrial_zones, parcels).</param>
/// <param name="DatasetPath">Target dataset (.gpkg); null to check only.</param>
public sealed record ImportRequest(string SourcePath, string Layer, string? DatasetPath)
{
    /// <summary>CRS that overrides the file's own (<c>--crs</c>).</summary>
    public CrsDefinition? CrsOverride { get; init; }

    /// <summary>User mapping file layered over the built-in one (<c>--mapping</c>).</summary>
    public string? MappingPath { get; init; }

    /// <summary>Add the features to the layer instead of replacing it (<c>--append</c>): e.g. parcels of former Hải Dương (EPSG:9209) after Hải Phòng's (EPSG:9210).</summary>
    public bool Append { get; init; }

    /// <summary>Table of a multi-table GeoPackage source (<c>--source-layer</c>).</summary>
    public string? SourceTable { get; init; }

    /// <summary>Features processed so far.</summary>
    public IProgress<WorkProgress>? Progress { get; init; }
}

/// <summary>What an import did.</summary>
/// <param name="Layer">The converted layer (EPSG:4326).</param>
/// <param name="Issues">Errors and warnings.</param>
/// <param name="Written">Whether the dataset was changed.</param>
/// <param name="SourceCrs">The CRS the source was read in, when known.</param>
public sealed record ImportOutcome(FeatureLayer Layer, IssueList Issues, bool Written, CrsDefinition? SourceCrs);
