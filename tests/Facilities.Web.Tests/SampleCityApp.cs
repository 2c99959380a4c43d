using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>One app over the bundled sample city (read-only: these tests never touch the tracker), shared by a class.</summary>
public sealed class SampleCityApp : IAsyncLifetime
{
    private RunningApp? _app;

    internal RunningApp App => _app!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(new WebOptions { DatasetPath = SharedData.SampleCity });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
