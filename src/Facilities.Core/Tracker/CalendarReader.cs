using System.Text.Json;
using Facilities.Core.Validation;
using static Facilities.Core.Tracker.TrackerConfigReader;

namespace Facilities.Core.Tracker;

/// <summary>Reads the "calendar" section of a tracker config, layering it on a base when there is one.</summary>
internal static class CalendarReader
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = Enum.GetValues<DayOfWeek>()
        .ToDictionary(d => d.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public static CalendarRules Read(JsonElement c, string source, CalendarRules? old)
    {
        var offset = old?.UtcOffset ?? TimeSpan.FromHours(7);
        if (c.TryGetProperty("utc_offset_hours", out var o))
        {
            var hours = o.GetDouble();
            offset = hours is >= -14 and <= 14
                ? TimeSpan.FromMinutes(Math.Round(hours * 60))
                : throw Error(source, "calendar.utc_offset_hours", "must be between -14 and 14");
        }

        IReadOnlySet<DayOfWeek> rest = old?.WeeklyRestDays ?? new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };
        if (c.TryGetProperty("weekly_rest_days", out var r))
        {
            rest = r.EnumerateArray()
                .Select(d => DayNames.TryGetValue(d.GetString() ?? "", out var day)
                    ? day
                    : throw Error(source, "calendar.weekly_rest_days", $"has '{d.GetString()}', not a day name (monday … sunday)"))
                .ToHashSet();
        }

        var substitute = old?.SubstituteDays ?? true;
        var substituteStatus = old?.SubstituteStatus ?? "unconfirmed";
        var substituteSource = old?.SubstituteSource ?? "";
        if (c.TryGetProperty("substitute_days", out var s))
        {
            substitute = s.GetProperty("value").GetBoolean();
            substituteStatus = Status(s, source, "calendar.substitute_days");
            substituteSource = Text(s, "source", source, "calendar.substitute_days.source");
        }
        else if (old is null)
        {
            throw Error(source, "calendar.substitute_days", "is missing");
        }

        var holidays = new SortedDictionary<string, HolidayRule>(
            old?.Holidays.ToDictionary() ?? new Dictionary<string, HolidayRule>(), StringComparer.Ordinal);
        if (c.TryGetProperty("holidays", out var h))
        {
            foreach (var e in h.EnumerateObject())
            {
                if (e.Value.TryGetProperty("enabled", out var enabled) && !enabled.GetBoolean())
                {
                    holidays.Remove(e.Name);
                    continue;
                }

                holidays[e.Name] = ReadHoliday(e.Name, e.Value, source);
            }
        }

        var adjustments = new SortedDictionary<DateOnly, CalendarAdjustment>(
            old?.Adjustments.ToDictionary() ?? new Dictionary<DateOnly, CalendarAdjustment>());
        if (c.TryGetProperty("adjustments", out var a))
        {
            foreach (var e in a.EnumerateObject())
            {
                var path = "calendar.adjustments." + e.Name;
                var date = Date(e.Name, source, path);
                adjustments[date] = new CalendarAdjustment(date, e.Value.GetProperty("day_off").GetBoolean(),
                    new LocalizedText(Text(e.Value, "vi", source, path + ".vi"), Text(e.Value, "en", source, path + ".en")),
                    Status(e.Value, source, path), Text(e.Value, "source", source, path + ".source"));
            }
        }

        return new CalendarRules(offset, rest, holidays, substitute, substituteStatus, substituteSource, adjustments);
    }

    private static HolidayRule ReadHoliday(string key, JsonElement e, string source)
    {
        var path = "calendar.holidays." + key;
        var lunar = Text(e, "calendar", source, path + ".calendar") switch
        {
            "solar" => false,
            "lunar" => true,
            _ => throw Error(source, path + ".calendar", "must be solar or lunar"),
        };
        var month = e.GetProperty("month").GetInt32();
        var day = e.GetProperty("day").GetInt32();
        if (month is < 1 or > 12 || day < 1 || day > (lunar ? 30 : DateTime.DaysInMonth(2000, month)))
        {
            throw Error(source, path, $"has no valid month and day ({month}/{day})");
        }

        var from = e.TryGetProperty("from", out var f) ? f.GetInt32() : 0;
        var to = e.TryGetProperty("to", out var t) ? t.GetInt32() : 0;
        if (from > 0 || to < 0 || to - from > 15)
        {
            throw Error(source, path, "needs from ≤ 0 ≤ to and at most 16 days");
        }

        return new HolidayRule(key, new LocalizedText(Text(e, "vi", source, path + ".vi"), Text(e, "en", source, path + ".en")),
            lunar, month, day, from, to, Status(e, source, path), Text(e, "source", source, path + ".source"));
    }
}
