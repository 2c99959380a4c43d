using Facilities.Testing;
using Microsoft.Data.Sqlite;

namespace Facilities.Web.Tests;

/// <summary>The login throttle's rules on the embedded tracker file beside a dataset of this test's own.</summary>
public sealed class SqliteLoginThrottleTests : LoginThrottleContract
{
    private readonly TempDir _dir = new();

    protected override WebOptions Options() => new() { DatasetPath = _dir.File("d.gpkg") };

    public override void Dispose()
    {
        base.Dispose();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
