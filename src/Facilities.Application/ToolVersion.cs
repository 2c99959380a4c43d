using System.Reflection;

namespace Facilities.Application;

/// <summary>The tool's name and version as result stamps carry them.</summary>
public static class ToolVersion
{
    /// <summary>
    /// Version and commit of the tool ("0.1.0+1a2b3c4d5e6f"), so two builds that compute differently never share a stamp.
    /// </summary>
    public static string Value { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>"facilities 0.1.0+commit", the stamp's tool line.</summary>
    public static string Tool => "facilities " + Value;
}
