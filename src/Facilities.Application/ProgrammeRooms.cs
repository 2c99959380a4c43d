using System.Globalization;
using Facilities.Core.Model;
using Facilities.Core.Validation;

namespace Facilities.Application;

/// <summary>
/// The schools' temporary and degraded rooms (fields temporary_rooms, degraded_rooms; docs/schema.md): the programme
/// counts them as rooms to replace, not as places (docs/programme.md, "Temporary and degraded rooms"). A school row
/// without either field has no data, never zero: its rooms all count as standard, and a warning says how many rows.
/// </summary>
internal static class ProgrammeRooms
{
    /// <summary>Rooms to replace per school row (id, level): temporary + degraded, where the data gives either.</summary>
    public static Dictionary<(string Id, string Level), long> Read(DatasetContext d, List<LocalizedText> warnings)
    {
        var rooms = new Dictionary<(string, string), long>();
        var rows = d.Layer("schools")?.Features ?? [];
        var unknown = 0;
        foreach (var f in rows)
        {
            var (temporary, degraded) = (f["temporary_rooms"] as long?, f["degraded_rooms"] as long?);
            if (temporary is null && degraded is null)
            {
                unknown++;
                continue;
            }
            var key = (Convert.ToString(f["id"], CultureInfo.InvariantCulture) ?? "", Convert.ToString(f["level"], CultureInfo.InvariantCulture) ?? "");
            rooms[key] = (temporary ?? 0) + (degraded ?? 0);
        }
        if (unknown > 0)
        {
            warnings.Add(new LocalizedText(
                string.Create(CultureInfo.InvariantCulture, $"{unknown}/{rows.Count} dòng trường không có dữ liệu phòng học tạm/xuống cấp (temporary_rooms, degraded_rooms): mọi phòng của các trường đó được tính là phòng học đạt chuẩn (chưa có dữ liệu, không phải bằng 0)."),
                string.Create(CultureInfo.InvariantCulture, $"{unknown} of {rows.Count} school rows have no temporary or degraded room data (temporary_rooms, degraded_rooms): all their rooms are counted as standard (no data, not zero).")));
        }
        return rooms;
    }

    /// <summary>The city with each school's rooms to replace taken off its classrooms (never below zero).</summary>
    public static CityModel Standard(CityModel city, IReadOnlyDictionary<(string Id, string Level), long> rooms) =>
        rooms.Count == 0 ? city : CityModel.Of(city.MetricCrs, city.Wards,
            city.Schools.Select(s => rooms.TryGetValue((s.Id, s.Level), out var lost) && lost > 0 ? s with { Classrooms = Math.Max(0, s.Classrooms - lost) } : s),
            city.Growth, city.Parcels);
}
