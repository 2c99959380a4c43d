using System.Globalization;

namespace Facilities.Cli.Commands;

/// <summary>
/// The names <c>facilities cases</c> prints instead of codes: schools (schools layer, a school's first row) and
/// communes (wards layer), read from the dataset as the map app's tracker does; and the commune codes an account may
/// be linked to.
/// </summary>
internal sealed class CasesNames
{
    private readonly Dictionary<string, string> _schools;
    private readonly Dictionary<string, string> _communes;

    private CasesNames(Dictionary<string, string> schools, Dictionary<string, string> communes)
    {
        _schools = schools;
        _communes = communes;
    }

    /// <summary>The dataset's commune codes (wards layer).</summary>
    public IReadOnlyCollection<string> Communes => _communes.Keys;

    public static CasesNames Load(string dataset)
    {
        var store = Facilities.Application.DatasetLocation.Open(dataset);
        var schools = (store.ReadLayer("schools")?.Features ?? [])
            .GroupBy(f => Text(f["id"]))
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => Text(g.First()["name"]), StringComparer.Ordinal);
        var communes = (store.ReadLayer("wards")?.Features ?? [])
            .GroupBy(f => Text(f["code"]))
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => Text(g.First()["name"]), StringComparer.Ordinal);
        return new CasesNames(schools, communes);
    }

    /// <summary>The school's name, or its id when the layer has none.</summary>
    public string School(string siteId) => _schools.GetValueOrDefault(siteId) is { Length: > 0 } name ? name : siteId;

    /// <summary>The commune's name, or its code when the wards layer has none.</summary>
    public string Commune(string code) => _communes.GetValueOrDefault(code) is { Length: > 0 } name ? name : code;

    private static string Text(object? v) => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "";
}
