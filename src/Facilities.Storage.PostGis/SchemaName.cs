using System.Text.RegularExpressions;

namespace Facilities.Storage.PostGis;

/// <summary>Checks and quotes schema names, which are spliced into SQL text (identifiers cannot be parameters).</summary>
internal static partial class SchemaName
{
    /// <summary>The schema as a quoted identifier; throws for anything but <c>[a-z][a-z0-9_]{0,62}</c>.</summary>
    public static string Quote(string schema) => Pattern().IsMatch(schema)
        ? "\"" + schema + "\""
        : throw new ArgumentException($"schema name '{schema}' must be lower-case letters, digits and underscores, starting with a letter", nameof(schema));

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex Pattern();
}
