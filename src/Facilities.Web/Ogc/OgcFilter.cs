using System.Globalization;
using Facilities.Core.Features;

namespace Facilities.Web.Ogc;

/// <summary>
/// One property filter of an items request (<c>?level=thcs</c>, <c>?ward_code=31</c>; OGC API – Features Part 3,
/// queryables as query parameters): the feature's value equals the given one, compared as the field's type.
/// </summary>
internal sealed record OgcFilter(FieldInfo Field, object Value)
{
    /// <summary>The filter, or null when <paramref name="text"/> is not a value of the field's type.</summary>
    public static OgcFilter? Parse(FieldInfo field, string text) => field.Type switch
    {
        FieldType.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? new(field, l) : null,
        FieldType.Real => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? new(field, d) : null,
        _ => new(field, text),
    };

    public bool Matches(object? value) => (Value, value) switch
    {
        (string s, string v) => string.Equals(s, v, StringComparison.Ordinal),
        (long l, long v) => l == v,
        (long l, double v) => l == v,
        (double d, double v) => d == v,
        (double d, long v) => d == v,
        _ => false,
    };
}
