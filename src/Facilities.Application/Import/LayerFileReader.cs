using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using Facilities.Formats;
using Facilities.Formats.Readers;
using Facilities.Storage.Sqlite.GeoPackage;
using Microsoft.Data.Sqlite;

namespace Facilities.Application.Import;

/// <summary>Reads a layer from a file by its extension: .geojson/.json, .shp, .csv, .xlsx, .gpkg.</summary>
public static class LayerFileReader
{
    /// <summary>The extensions this reader accepts.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".geojson", ".json", ".shp", ".csv", ".txt", ".xlsx", ".gpkg"];

    /// <summary>Reads <paramref name="path"/> as layer <paramref name="layerName"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="layerName">The dataset layer it is read for (names the layer in messages).</param>
    /// <param name="sourceTable">For a GeoPackage with several tables, which one.</param>
    /// <param name="issues">Where per-feature read problems go.</param>
    /// <param name="crsOverride">CRS given by the user; the file's own CRS is then not read (nor refused).</param>
    /// <param name="read">The user's overrides of what the readers detect (sheet, header row, encoding, decimal separator).</param>
    public static FeatureLayer Read(string path, string layerName, string? sourceTable, IssueList issues, CrsDefinition? crsOverride = null, SourceReadOptions? read = null)
    {
        read ??= SourceReadOptions.Detect;
        if (!File.Exists(path))
        {
            throw TextFileCheck.Unreadable(path, layerName, new FileNotFoundException(path));
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".geojson" or ".json" => GeoJsonLayerReader.Read(path, layerName, issues, crsOverride),
            ".shp" => ShapefileLayerReader.Read(path, layerName, issues, crsOverride, read.Encoding),
            ".csv" or ".txt" => CsvLayerReader.Read(path, layerName, issues, read, crsOverride),
            ".xlsx" => XlsxLayerReader.Read(path, layerName, issues, read, crsOverride),
            ".gpkg" => ReadGeoPackage(path, layerName, sourceTable, issues, crsOverride),
            var ext => throw new DataFileException("format-unsupported", Path.GetFileName(path), layerName,
                $"định dạng '{ext}' không được hỗ trợ; dùng {string.Join(", ", Extensions)}.",
                $"format '{ext}' is not supported; use {string.Join(", ", Extensions)}."),
        };
    }

    private static FeatureLayer ReadGeoPackage(string path, string layerName, string? sourceTable, IssueList issues, CrsDefinition? crsOverride)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
            var tables = GeoPackageLayerReader.ListTables(c);
            var table = sourceTable is not null ? tables.Find(t => t.Name == sourceTable)
                : tables.Find(t => t.Name == layerName) ?? (tables.Count == 1 ? tables[0] : null);
            if (table is null)
            {
                var names = string.Join(", ", tables.Select(t => t.Name));
                throw new DataFileException("source-table-ambiguous", file, layerName,
                    sourceTable is null
                        ? $"GeoPackage có các bảng {names}; chọn một bằng --source-layer."
                        : $"GeoPackage không có bảng '{sourceTable}'; các bảng: {names}.",
                    sourceTable is null
                        ? $"the GeoPackage has tables {names}; choose one with --source-layer."
                        : $"the GeoPackage has no table '{sourceTable}'; tables: {names}.");
            }

            return GeoPackageLayerReader.Read(c, table, layerName, file, issues, crsOverride);
        }
        catch (SqliteException e)
        {
            throw new DataFileException("file-not-geopackage", file, layerName,
                $"không đọc được GeoPackage: {e.Message}", $"the GeoPackage cannot be read: {e.Message}", e);
        }
    }
}
