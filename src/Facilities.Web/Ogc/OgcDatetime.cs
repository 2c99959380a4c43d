using System.Globalization;

namespace Facilities.Web.Ogc;

/// <summary>
/// The <c>datetime</c> parameter Part 1 requires every items request to take. The dataset's features carry no time
/// (a school list or a parcel map is one state of the city), so a well-formed instant or interval selects every
/// feature; docs/web-api.md says so.
/// </summary>
internal static class OgcDatetime
{
    public static bool IsValid(string text)
    {
        var parts = text.Split('/');
        return parts.Length switch
        {
            1 => IsInstant(parts[0]),
            2 => (parts[0] is ".." or "" || IsInstant(parts[0])) && (parts[1] is ".." or "" || IsInstant(parts[1])) && !(parts[0] is ".." or "" && parts[1] is ".." or ""),
            _ => false,
        };
    }

    private static bool IsInstant(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
        && (s.Length == 10 || s.Contains('T', StringComparison.OrdinalIgnoreCase));
}
