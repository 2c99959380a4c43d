using System.Globalization;

namespace Facilities.Reports.Styles;

/// <summary>
/// The app's ward choropleth of one field (deficit_rooms): no-data wards first (data_status = no_school_data, hatched
/// grey), then wards without a value, then ≤ 0 (no shortage), then the value classes (lower, upper]; a value above the
/// last class takes the last colour, as in ramp.js colourFor.
/// </summary>
public sealed class WardChoropleth
{
    /// <summary>The status column and the code that marks a ward with no school of the level in the data.</summary>
    public const string StatusField = "data_status";

    /// <summary>See <see cref="StatusField"/>.</summary>
    public const string NoDataCode = "no_school_data";

    /// <summary>A choropleth of <paramref name="field"/> with the classes of its values; the labels are formats of a class's range ({0}).</summary>
    public WardChoropleth(string field, IReadOnlyList<ColourClass> classes, string unitVi, string unitEn)
    {
        Field = field;
        Classes = classes;
        var categories = new List<WardStyleCategory>
        {
            new("no_data", "Không có dữ liệu trường / No school data", MapPalette.NoData, true, null),
            new("unknown", "Không rõ / Unknown", MapPalette.Unknown, false, null),
            new("none", "Không thiếu / No shortage", MapPalette.NoShortage, false, null),
        };
        categories.AddRange(classes.Select((c, i) => new WardStyleCategory(
            "c" + (i + 1).ToString(CultureInfo.InvariantCulture), string.Format(CultureInfo.InvariantCulture, unitVi, c.Label) + " / " + string.Format(CultureInfo.InvariantCulture, unitEn, c.Label), c.Colour, false, c)));
        Categories = categories;
    }

    /// <summary>The field coloured.</summary>
    public string Field { get; }

    /// <summary>The value classes.</summary>
    public IReadOnlyList<ColourClass> Classes { get; }

    /// <summary>Every legend entry, in the order the expression tests them.</summary>
    public IReadOnlyList<WardStyleCategory> Categories { get; }

    /// <summary>The deficit_rooms choropleth of result rows, classed as the app classes them.</summary>
    public static WardChoropleth DeficitRooms(IEnumerable<double?> values) =>
        new("deficit_rooms", ColourClasses.Classify(values), "Thiếu {0} phòng", "{0} room(s) short");

    /// <summary>The teacher_shortfall choropleth of result rows, classed as the map classes its teachers indicator (state.js).</summary>
    public static WardChoropleth TeacherShortfall(IEnumerable<double?> values) =>
        new("teacher_shortfall", ColourClasses.Classify(values), "Thiếu {0} giáo viên", "{0} teacher(s) short");

    /// <summary>A QGIS expression giving each ward the key of its category.</summary>
    public string QgisExpression()
    {
        var f = "\"" + Field + "\"";
        var parts = new List<string>
        {
            $"WHEN \"{StatusField}\" = '{NoDataCode}' THEN 'no_data'",
            $"WHEN {f} IS NULL THEN 'unknown'",
            $"WHEN {f} <= 0 THEN 'none'",
        };
        var valued = Categories.Where(c => c.Class is not null).ToList();
        for (var i = 0; i < valued.Count - 1; i++)
        {
            parts.Add($"WHEN {f} <= {Num(valued[i].Class!.Upper)} THEN '{valued[i].Key}'");
        }

        // No class at all (nothing positive) still needs an answer for a positive value that appears later: "none" is
        // what the app draws then.
        var otherwise = valued.Count > 0 ? valued[^1].Key : "none";
        return $"CASE {string.Join(' ', parts)} ELSE '{otherwise}' END";
    }

    /// <summary>A number as QGIS expressions and OGC filters write it.</summary>
    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
