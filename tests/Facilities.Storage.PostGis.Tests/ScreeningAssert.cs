using Facilities.Core.Screening;
using Facilities.PostGisReference;

namespace Facilities.Storage.PostGis.Tests;

/// <summary>Compares an in-memory screening with its PostGIS mirror.</summary>
internal static class ScreeningAssert
{
    /// <summary>Points a criterion may differ by: one unit in the third decimal (see ScreeningSqlTests).</summary>
    public const decimal PointsTolerance = 0.001m;

    /// <summary>
    /// Same counts, same candidate ids, and per candidate the same ward, area and minimum, measures within 1e-6
    /// relative and each criterion's points within <see cref="PointsTolerance"/>; returns the largest points difference.
    /// </summary>
    public static decimal Agree(ScreeningResult memory, PostGisScreeningResult sql)
    {
        Assert.Equal(memory.ParcelsScreened, sql.ParcelsScreened);
        Assert.Equal(memory.ParcelsPassed, sql.ParcelsPassed);
        Assert.Equal(memory.RejectedBy.OrderBy(p => p.Key), sql.RejectedBy.OrderBy(p => p.Key));
        Assert.DoesNotContain(memory.Candidates, c => c.IsMerged);
        Assert.Equal(memory.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal), sql.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal));

        var worst = 0m;
        var byId = sql.Candidates.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var m in memory.Candidates)
        {
            var s = byId[m.Id];
            Assert.Equal((m.WardCode, m.UnitType, m.LandUse, m.OwnerType), (s.WardCode, s.UnitType, s.LandUse, s.OwnerType));
            Assert.Equal(m.AreaM2, s.AreaM2);
            Assert.Equal(m.MinAreaM2, s.MinAreaM2);
            Assert.Equal(m.RadiusM, s.RadiusM);
            Close(m.RoomsShortInRadius, s.RoomsShortInRadius, m.Id);
            Close(m.UnservedInRadius, s.UnservedInRadius, m.Id);
            Assert.Equal(m.NearestSchoolM is null, s.NearestSchoolM is null);
            Close(m.NearestSchoolM ?? 0, s.NearestSchoolM ?? 0, m.Id);
            foreach (var k in ScoreWeights.Criteria)
            {
                var d = Math.Abs(m.Breakdown[k] - s.Breakdown[k]);
                Assert.True(d <= PointsTolerance, $"{m.Id} {k}: in memory {m.Breakdown[k]}, PostGIS {s.Breakdown[k]}");
                worst = Math.Max(worst, d);
            }

            Assert.True(Math.Abs(m.Score - s.Score) <= 5 * PointsTolerance, $"{m.Id}: score in memory {m.Score}, PostGIS {s.Score}");
        }

        return worst;
    }

    private static void Close(double expected, double actual, string id) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{id}: in memory {expected}, PostGIS {actual}");
}
