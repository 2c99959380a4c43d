using Facilities.Formats;
using Facilities.Storage.Sqlite.GeoPackage;


namespace Facilities.Storage.Sqlite;

/// <summary>
/// The dataset's title (metadata entry <c>title</c>), e.g. "Hải Phòng – 114 xã, phường, đặc khu (2025)": report maps
/// and the web app name the data by it, not by a file name like "hp-2025-v3".
/// </summary>
public static class DatasetTitle
{
    /// <summary>The metadata key.</summary>
    public const string Key = "title";

    /// <summary>The title in a metadata set, or null when none was set.</summary>
    public static string? Of(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.TryGetValue(Key, out var title) && !string.IsNullOrWhiteSpace(title) ? title.Trim() : null;
    }

    /// <summary>Sets the title of a dataset file, atomically (the file is replaced only once the new one is written).</summary>
    /// <exception cref="ArgumentException">The title is empty.</exception>
    /// <exception cref="DataFileException">The file does not exist or is not a GeoPackage.</exception>
    public static void Set(string path, string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("Tiêu đề trống / the title is empty.", nameof(title));
        }

        if (!File.Exists(path))
        {
            // ReplaceLayers would create an empty dataset: a mistyped path must not become a new file.
            throw new DataFileException("file_not_found", Path.GetFileName(path), null,
                $"Không tìm thấy bộ dữ liệu {path}.", $"Dataset {path} not found.");
        }

        GeoPackageDataset.ReplaceLayers(path, [], new Dictionary<string, string> { [Key] = title.Trim() });
    }
}
