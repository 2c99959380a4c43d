using System.Globalization;
using Facilities.Core.Deficit;
using Facilities.Core.Validation;

namespace Facilities.Core.Model;

/// <summary>
/// What a result computed from a city cannot see, said before anyone signs it: an urban area or zone outside the
/// wards, schools in no ward, no schools layer at all.
/// </summary>
public static class CityWarnings
{
    /// <summary>Warnings for results computed from <paramref name="city"/>.</summary>
    public static IReadOnlyList<LocalizedText> For(CityModel city)
    {
        var list = new List<LocalizedText>();
        if (!city.HasSchoolsLayer)
        {
            list.Add(new(
                "bộ dữ liệu chưa có lớp schools: phòng học và giáo viên hiện có được tính là 0, nên mọi phòng cần đều hiện là thiếu.",
                "the dataset has no schools layer: rooms and teachers available count as 0, so every room needed shows as short."));
        }

        var unassigned = city.UnassignedSchools;
        if (unassigned.Count > 0)
        {
            var ids = string.Join(", ", unassigned.Take(10).Select(s => s.Id)) + (unassigned.Count > 10 ? ", …" : "");
            list.Add(new(
                $"{unassigned.Count} trường nằm ngoài mọi xã/phường nên phòng học của chúng không được tính: {ids}.",
                $"{unassigned.Count} schools lie in no ward, so their rooms are not counted anywhere: {ids}."));
        }

        var shares = new GrowthShares(city);
        foreach (var g in city.Growth)
        {
            var inside = shares.InsideShare(g);
            if (inside < 0.9)
            {
                var pct = (inside * 100).ToString("0", CultureInfo.InvariantCulture);
                list.Add(inside <= 0
                    ? new($"{g.Id} ({g.Name}) nằm ngoài mọi xã/phường: học sinh của dự án không được tính.",
                        $"{g.Id} ({g.Name}) lies outside every ward: its pupils are not counted.")
                    : new($"chỉ {pct}% diện tích {g.Id} ({g.Name}) nằm trong các xã/phường; toàn bộ học sinh được chia cho phần bên trong.",
                        $"only {pct}% of {g.Id} ({g.Name}) lies inside the wards; all its pupils go to that part."));
            }
        }

        return list;
    }
}
