using NetTopologySuite.Geometries;

namespace Facilities.Core.Programme;

/// <summary>One project the programme may choose (docs/programme.md, "Actions").</summary>
/// <param name="Id">Stable id, e.g. "new:P-12:tieu_hoc:20".</param>
/// <param name="Kind">New school, extension or investor's handover.</param>
/// <param name="Name">Name shown in the plan list.</param>
/// <param name="WardCode">Ward whose need the classrooms serve.</param>
/// <param name="Level">School level.</param>
/// <param name="Classrooms">Classrooms it adds.</param>
/// <param name="CostVnd">Public cost in VND (construction plus land where it must be bought; 0 for a handover).</param>
/// <param name="LandM2">Land it needs (the site for a new school, nothing new for an extension).</param>
/// <param name="EarliestStart">First year construction may start (land readiness); for a handover, the year it is handed over.</param>
/// <param name="BuildYears">Construction time: the classrooms serve from year start + BuildYears; 0 for a handover.</param>
public sealed record ProgrammeAction(
    string Id, ActionKind Kind, string Name, string WardCode, string Level, int Classrooms, decimal CostVnd, double LandM2, int EarliestStart, int BuildYears)
{
    /// <summary>Actions sharing a group exclude each other (size options of one site); empty: its own group.</summary>
    public string Group { get; init; } = "";

    /// <summary>Land status in both languages as the plan list shows it (certificate, tracker case, procedure time).</summary>
    public string LandStatus { get; init; } = "";

    /// <summary>Whether the site's land procedure is overdue in the tracker (a risk to the earliest start).</summary>
    public bool LandOverdue { get; init; }

    /// <summary>Where the need comes from (e.g. "deficit 2030, ward 31234, 12 rooms short").</summary>
    public string NeedSource { get; init; } = "";

    /// <summary>Location in the metric CRS, when known (for the map and the GeoPackage).</summary>
    public Geometry? Location { get; init; }

    /// <summary>The exclusion group: <see cref="Group"/>, or the id itself.</summary>
    public string GroupKey => Group.Length == 0 ? Id : Group;

    /// <summary>VND spent in each construction year (the cost spread evenly; the whole cost in one year for a 1-year build).</summary>
    public decimal CostPerBuildYear => BuildYears <= 0 ? 0 : CostVnd / BuildYears;
}
