using System.Text.Json;
using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>The map app's ramp.js run by node on a test's numbers (client/ramp_check.mjs); skips without node.</summary>
internal static class ClientRamp
{
    /// <summary>ramp_check.mjs's answer to <paramref name="input"/> (serialized as its stdin).</summary>
    public static JsonElement Run(object input)
    {
        var script = Path.Combine(SharedData.RepoRoot, "tests", "Facilities.Web.Tests", "client", "ramp_check.mjs");
        var stdout = ReferenceTools.Run("node", $"\"{script}\"", JsonSerializer.Serialize(input));
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
