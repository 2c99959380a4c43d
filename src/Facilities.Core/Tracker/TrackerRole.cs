namespace Facilities.Core.Tracker;

/// <summary>What a tracker user may do (codes city_department, commune_official, viewer).</summary>
public enum TrackerRole
{
    /// <summary>city_department: the education department; reads and changes cases in every commune.</summary>
    CityDepartment,

    /// <summary>commune_official: reads and changes the cases of their own commune only.</summary>
    CommuneOfficial,

    /// <summary>viewer: reads only (every commune, or one when the account names a commune).</summary>
    Viewer,
}
