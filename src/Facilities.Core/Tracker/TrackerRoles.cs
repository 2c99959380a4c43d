namespace Facilities.Core.Tracker;

/// <summary>The snake_case codes of <see cref="TrackerRole"/>.</summary>
public static class TrackerRoles
{
    /// <summary>The code of a role, e.g. "commune_official".</summary>
    public static string Code(TrackerRole role) => role switch
    {
        TrackerRole.CityDepartment => "city_department",
        TrackerRole.CommuneOfficial => "commune_official",
        TrackerRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>The role with this code; false for anything else.</summary>
    public static bool TryParse(string? code, out TrackerRole role)
    {
        foreach (var r in Enum.GetValues<TrackerRole>())
        {
            if (Code(r) == code)
            {
                role = r;
                return true;
            }
        }

        role = TrackerRole.Viewer;
        return false;
    }
}
