namespace Facilities.Web.Tests;

/// <summary>The tracker API on the embedded store: SQLite beside the dataset, as <c>facilities cases</c> uses it.</summary>
public sealed class SqliteTrackerApiTests : TrackerLoadContract
{
    protected override WebOptions Options(string dataset) => new() { DatasetPath = dataset };
}
