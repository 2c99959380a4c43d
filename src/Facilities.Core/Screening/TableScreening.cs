using Facilities.Core.Model;

namespace Facilities.Core.Screening;

/// <summary>
/// One screening's view of a held <see cref="ParcelTable"/>: the land-use rule and the owner test evaluated once per
/// attribute class (a few hundred at most, against a million rows), and the table's kept values for this city and
/// these thresholds.
/// </summary>
internal sealed class TableScreening
{
    public TableScreening(ParcelTable table, CityModel city, LandUseRule rule, double minWidth, double minIndustrialDistance)
    {
        Table = table;
        City = city;
        Cache = table.CacheFor(city, minWidth, minIndustrialDistance);
        Allowed = [.. table.Classes.Select(c => rule.Allows(c.LandUse, c.PlannedLandUse, c.OwnerType))];
        StateOwned = [.. table.Classes.Select(c => c.OwnerType == "state")];
    }

    public ParcelTable Table { get; }

    public CityModel City { get; }

    public ParcelTableCache Cache { get; }

    /// <summary>Whether the land-use rule admits the class, by attribute class.</summary>
    public bool[] Allowed { get; }

    /// <summary>Whether the owner is the state, by attribute class.</summary>
    public bool[] StateOwned { get; }
}
