using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Facilities.Web.Endpoints;
using Facilities.Application.Results;
using Facilities.Core.Schema;

namespace Facilities.Web.Ogc;

/// <summary>
/// The results as OGC collections (deficit, teachers, compliance per school and per ward, candidate sites): the query
/// parameters of /api (<c>level</c>, <c>year</c>, <c>method</c>…) choose the run, the application layer computes it
/// (as for /api and the CLI), and the rows are served as features with the CLI's columns. Without <c>level</c> a
/// collection holds every level, so a client that first reads a page with no parameters (QGIS does) gets the fields.
/// </summary>
internal static class OgcResults
{
    /// <summary>How many computed tables each served dataset keeps (each distinct collection and options is one).</summary>
    private const int MaxTables = 32;

    private static readonly ConditionalWeakTable<DatasetService, ConcurrentDictionary<string, Lazy<OgcResultTable>>> Tables = [];

    /// <summary>The result collections, in order, with their titles and the /api parameters each takes.</summary>
    public static readonly IReadOnlyList<(string Id, string Vi, string En, string[] Parameters)> All =
    [
        ("deficit", "Thiếu/thừa phòng học theo xã/phường", "Classroom deficit per ward", ["level", "year", "method", "twoSessions", "publicOnly", "preschoolByAge", "capacityLimited", "gridM"]),
        ("teachers", "Giáo viên cần theo xã/phường", "Teachers needed per ward", ["level", "year", "method", "publicOnly", "capacityLimited", "gridM"]),
        ("compliance", "Đạt chuẩn cơ sở vật chất theo trường", "Compliance per school", ["level", "twoSessions"]),
        ("compliance_wards", "Đạt chuẩn theo xã/phường và tiêu chí", "Compliance per ward and check", ["level", "twoSessions"]),
        ("sites", "Địa điểm đề xuất xây trường", "Candidate school sites", ["level", "year", "top", "twoSessions", "publicOnly", "capacityLimited"]),
    ];

    /// <summary>The JSON Schema of a run parameter, as /api reads it (ResultQuery).</summary>
    public static System.Text.Json.Nodes.JsonObject Schema(string parameter) => parameter switch
    {
        "level" => new() { ["type"] = "string", ["enum"] = new System.Text.Json.Nodes.JsonArray([.. DatasetSchema.Levels.Select(l => System.Text.Json.Nodes.JsonValue.Create(l))]) },
        "year" => new() { ["type"] = "integer", ["minimum"] = 1900, ["maximum"] = 2200, ["default"] = MetaEndpoints.BaseYear },
        "method" => new() { ["type"] = "string", ["enum"] = new System.Text.Json.Nodes.JsonArray("admin", "catchment"), ["default"] = "admin" },
        "gridM" => new() { ["type"] = "number", ["minimum"] = 10, ["maximum"] = 5000, ["default"] = 250 },
        "top" => new() { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 100_000, ["default"] = 100 },
        _ => new() { ["type"] = "boolean", ["default"] = false },
    };

    /// <summary>What a run parameter chooses, in both languages.</summary>
    public static string Describe(string parameter) => parameter switch
    {
        "level" => "cấp học (không có: mọi cấp) / school level (absent: every level)",
        "year" => $"năm tính (mặc định {MetaEndpoints.BaseYear}) / year computed for (default {MetaEndpoints.BaseYear})",
        "method" => "phương pháp: admin (theo địa giới) | catchment (vùng phục vụ) / method: admin | catchment",
        "gridM" => "bước lưới của phương pháp catchment (m) / catchment grid spacing (m)",
        "top" => "số địa điểm tốt nhất giữ lại (0: tất cả) / best sites kept (0: all)",
        _ => $"tùy chọn {parameter} của lệnh CLI cùng tên / the CLI command's {parameter} option",
    };

    public static bool IsResult(string id) => All.Any(r => r.Id == id);

    public static IReadOnlyList<string> Parameters(string id) => All.First(r => r.Id == id).Parameters;

    /// <summary>The result collections this dataset can compute: wards for every one, schools for compliance, parcels for sites.</summary>
    public static IEnumerable<string> Ids(DatasetService d) => d.HasLayer("wards")
        ? All.Select(r => r.Id).Where(id => id switch { "sites" => d.HasLayer("parcels"), "compliance" or "compliance_wards" => d.HasLayer("schools"), _ => true })
        : [];

    public static (string Vi, string En) Title(string id)
    {
        var r = All.First(x => x.Id == id);
        return (r.Vi, r.En);
    }

    /// <summary>The layer whose extent the collection has (its features are that layer's wards, schools or parcels).</summary>
    public static string ExtentLayer(string id) => id switch { "compliance" => "schools", "sites" => "parcels", _ => "wards" };

    /// <summary>The table of <paramref name="id"/> for these options, computed once while among the last <see cref="MaxTables"/>.</summary>
    public static OgcResultTable Table(DatasetService d, string id, ResultQuery q)
    {
        var cache = Tables.GetValue(d, _ => new(StringComparer.Ordinal));
        if (cache.Count >= MaxTables)
        {
            // Options are few in practice (levels × years × methods); dropping all keeps this simple and bounded.
            cache.Clear();
        }

        var key = id + "?" + q.Key;
        var table = cache.GetOrAdd(key, _ => new Lazy<OgcResultTable>(() => Compute(d, id, q)));
        try
        {
            return table.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<OgcResultTable>>(key, table));
            throw;
        }
    }

    private static OgcResultTable Compute(DatasetService d, string id, ResultQuery q) => id switch
    {
        "deficit" => Deficit(d, q),
        "teachers" => Teachers(d, q),
        "compliance" => Compliance(d, q),
        "compliance_wards" => ComplianceWards(d, q),
        "sites" => q.Level is null
            ? OgcResultTable.Concat([.. DatasetSchema.Levels.Select(l => Sites(d, q with { Level = l }))])
            : Sites(d, q),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a result collection"),
    };

    private static OgcResultTable Deficit(DatasetService d, ResultQuery q) => OgcResultTable.Of(ResultRuns.Deficit(d, q), [("method", q.Method)]);

    private static OgcResultTable Teachers(DatasetService d, ResultQuery q) => OgcResultTable.Of(ResultRuns.Teachers(d, q), [("method", q.Method)]);

    private static OgcResultTable Compliance(DatasetService d, ResultQuery q) => OgcResultTable.Of(ResultRuns.ComplianceSchools(d, q), []);

    private static OgcResultTable ComplianceWards(DatasetService d, ResultQuery q) =>
        OgcResultTable.Of(ComplianceTables.Wards(d.Context, ResultRuns.Compliance(d, q), q.Level), [("level", q.Level ?? "all")]);

    private static OgcResultTable Sites(DatasetService d, ResultQuery q) =>
        OgcResultTable.Of(ResultRuns.Sites(d, q).Candidates, [], r => q.Level + ":" + r.Key);
}
