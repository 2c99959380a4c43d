using NetTopologySuite.Geometries;

namespace Facilities.Core.Model;

/// <summary>One school at one level; location in the metric CRS.</summary>
/// <param name="Id">School id.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">mam_non, tieu_hoc, thcs or thpt.</param>
/// <param name="Classrooms">Usable general classrooms.</param>
/// <param name="SubjectRooms">Subject rooms, when known.</param>
/// <param name="IsPublic">Public (công lập) rather than private.</param>
/// <param name="WardCode">Ward the school lies in.</param>
/// <param name="Location">Point, or a polygon site's interior point, in the metric CRS.</param>
public sealed record SchoolSite(
    string Id, string Name, string Level, long Classrooms, long? SubjectRooms, bool IsPublic, string WardCode, Point Location)
{
    /// <summary>Classes taught, when known.</summary>
    public long? Classes { get; init; }

    /// <summary>Enrolled pupils, when known.</summary>
    public long? Pupils { get; init; }

    /// <summary>Site area in square metres, when known.</summary>
    public double? SiteAreaM2 { get; init; }

    /// <summary>Teachers, when known (unknown is never zero).</summary>
    public long? Teachers { get; init; }

    /// <summary>Teachers per subject, for the subjects the data has (e.g. "english", "it").</summary>
    public IReadOnlyDictionary<string, long> TeachersBySubject { get; init; } = new Dictionary<string, long>();

    /// <summary>Play and sports ground area in square metres, when known.</summary>
    public double? SportsGroundM2 { get; init; }

    /// <summary>Pupil toilets (seats) meeting the standard, when known.</summary>
    public long? StandardToilets { get; init; }

    /// <summary>The site polygon in the metric CRS when the school is mapped as one; null for a point school.</summary>
    public Geometry? Site { get; init; }
}
