using Facilities.Core.Datasets;
using Facilities.Storage.PostGis.Datasets;
using Facilities.Storage.Sqlite.Datasets;

namespace Facilities.Application;

/// <summary>
/// The one way to name a dataset (docs/cli.md, "Dataset locations"): a GeoPackage path, or a PostgreSQL database
/// and schema as Npgsql keywords (<c>Host=…;Database=…;Schema=…</c>), libpq keywords (<c>host=… dbname=… schema=…</c>)
/// or a URI (<c>postgresql://user@host:port/db?schema=…</c>). Both hosts open stores here; which store a location
/// means is decided in this one place.
/// </summary>
public static class DatasetLocation
{
    /// <summary>Whether <paramref name="location"/> names a database rather than a GeoPackage file.</summary>
    public static bool IsDatabase(string location) => PostGisLocation.IsDatabase(location);

    /// <summary>
    /// The store at <paramref name="location"/>; nothing is read yet (a missing file or database is reported on first
    /// use). An <see cref="ArgumentException"/> for a database location that cannot be parsed.
    /// </summary>
    public static IDatasetStore Open(string location) => IsDatabase(location)
        ? new PostGisDatasetStore(PostGisLocation.Parse(location))
        : new GeoPackageStore(location);

    /// <summary>The location as messages show it: the file's full path, or the database without its password.</summary>
    public static string Display(IDatasetStore store) => store switch
    {
        GeoPackageStore g => g.Path,
        PostGisDatasetStore p => p.Location.Display,
        _ => store.Name,
    };

    /// <summary>The GeoPackage file of a store, or null for a database (for what only files have: a sidecar, an output check).</summary>
    public static string? FilePath(IDatasetStore store) => (store as GeoPackageStore)?.Path;
}
