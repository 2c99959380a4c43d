using Facilities.Core.Schema;
using Facilities.Core.Tracker;
using Facilities.Formats;

namespace Facilities.Storage.Sqlite.Tracker;

/// <summary>
/// The school sites of a dataset as tracker sites: one per school id (a school has one row per level). Shared by
/// <c>facilities cases</c> and the map app's tracker API.
/// </summary>
public sealed class TrackerSites
{
    private TrackerSites(List<CaseSite> sites, HashSet<string> certified)
    {
        All = sites;
        Certified = certified;
    }

    /// <summary>Every site, by id.</summary>
    public IReadOnlyList<CaseSite> All { get; }

    /// <summary>
    /// Ids of the sites whose certificate is issued (land_certificate "issued", or "yes" in datasets written before
    /// the three-state codes): their case starts closed, not "not started".
    /// </summary>
    public IReadOnlySet<string> Certified { get; }

    /// <summary>Reads the sites from the dataset's schools layer (unit types from its wards).</summary>
    public static TrackerSites Load(string dataset) => Load(new Datasets.GeoPackageStore(dataset));

    /// <summary>Reads the sites from the schools layer of the dataset in any store (unit types from its wards).</summary>
    public static TrackerSites Load(Facilities.Core.Datasets.IDatasetStore dataset)
    {
        var schools = dataset.ReadLayer("schools")
            ?? throw new DataFileException("layer-absent", dataset.Name, "schools", "bộ dữ liệu không có lớp schools", "the dataset has no schools layer");
        var unitTypes = (dataset.ReadLayer("wards")?.Features ?? [])
            .Where(f => f["code"] is not null)
            .GroupBy(f => Text(f["code"]))
            .ToDictionary(g => g.Key, g => Text(g.First()["unit_type"]), StringComparer.Ordinal);
        var sites = new List<CaseSite>();
        var certified = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in schools.Features.GroupBy(f => Text(f["id"])).Where(g => g.Key.Length > 0))
        {
            var ward = g.Select(f => Text(f["ward_code"])).FirstOrDefault(w => w.Length > 0) ?? "";
            sites.Add(new CaseSite(g.Key, ward, unitTypes.GetValueOrDefault(ward, "")));
            if (g.Any(f => DatasetSchema.CertificateIssued(Text(f["land_certificate"]))))
            {
                certified.Add(g.Key);
            }
        }

        return new TrackerSites(sites, certified);
    }

    /// <summary>The site with this id, or null.</summary>
    public CaseSite? Find(string id) => All.FirstOrDefault(s => s.SiteId == id);

    private static string Text(object? v) => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
}
