using Facilities.Core.Compliance;
using Facilities.Core.Norms;
using Facilities.Core.Schema;
using Facilities.Formats;

namespace Facilities.Application;

/// <summary>Every school against the facility norms (<c>facilities compliance</c>, <c>/api/compliance</c>).</summary>
public static class ComplianceComputation
{
    /// <summary>
    /// One row per school and level, every level checked; a dataset without a schools layer is a
    /// <see cref="DataFileException"/> (layer-absent): there is nothing to check.
    /// </summary>
    public static Computed<IReadOnlyList<ComplianceRow>> Run(DatasetContext d, bool twoSessions)
    {
        var city = d.City;
        if (!city.HasSchoolsLayer)
        {
            throw new DataFileException("layer-absent", d.Store.Name, "schools",
                "bộ dữ liệu chưa có lớp schools: không có trường nào để kiểm tra.", "the dataset has no schools layer: there is no school to check.");
        }

        var read = new NormsReadLog();
        var rows = ComplianceChecker.Check(city, d.Norms.RecordingInto(read), DatasetSchema.Levels, twoSessions);
        return Stamps.Of(d, rows, "compliance", $"two_sessions={(twoSessions ? "yes" : "no")}", read,
            ComplianceChecker.MissingSchoolDataWarnings(city, DatasetSchema.Levels));
    }
}
