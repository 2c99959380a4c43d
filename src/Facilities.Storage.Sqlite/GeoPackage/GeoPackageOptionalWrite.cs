using Microsoft.Data.Sqlite;

namespace Facilities.Storage.Sqlite.GeoPackage;

/// <summary>
/// One write transaction into a user's GeoPackage for something Facilities only keeps to go faster next time (the
/// content hash, a derived value, the parcel attribute indexes): when the file cannot be written now (read-only file
/// or folder, another writer holding the lock) the caller goes on without it, so the failure is an answer, not an error.
/// </summary>
internal static class GeoPackageOptionalWrite
{
    /// <summary>
    /// Runs <paramref name="action"/> in one transaction on <paramref name="path"/> and commits when it returns true;
    /// false when it returns false (nothing is committed) or the file cannot be written now.
    /// </summary>
    public static bool Try(string path, Func<SqliteConnection, SqliteTransaction, bool> action)
    {
        try
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 1 }.ToString();
            using var c = new SqliteConnection(cs);
            c.Open();
            using var tx = c.BeginTransaction();
            if (!action(c, tx))
            {
                return false;
            }

            tx.Commit();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
