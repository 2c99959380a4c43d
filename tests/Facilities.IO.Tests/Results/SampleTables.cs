using Facilities.Application.Results;
using Facilities.Core.Deficit;
using Facilities.Core.Provenance;
using Facilities.Core.Results;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests.Results;

/// <summary>The sample city's deficit as the table every output of it is written from (as Application's DeficitTables builds it).</summary>
internal static class SampleTables
{
    public static ResultTable Deficit(DeficitResult result, ResultStamp stamp)
    {
        var geometry = GeoPackageDataset.ReadLayer(SharedData.SampleCity, "wards")!.Features.ToDictionary(f => (string)f["code"]!, f => f.Geometry, StringComparer.Ordinal);
        return ResultTable.Build("deficit", result.Rows, DeficitColumns.All, r => r.WardCode + ":" + r.Level, r => geometry[r.WardCode], stamp);
    }
}
