using Facilities.Core.Model;
using Facilities.Core.Proposals;
using NetTopologySuite.Geometries;

namespace Facilities.Render;

/// <summary>What the proposal map shows: the area, its surroundings and one panel per level (metric CRS).</summary>
public sealed record ProposalMap
{
    /// <summary>Title (the project).</summary>
    public required string Title { get; init; }

    /// <summary>Subtitle.</summary>
    public string Subtitle { get; init; } = "";

    /// <summary>The urban area's boundary.</summary>
    public required Geometry Area { get; init; }

    /// <summary>Ward boundaries drawn faintly for orientation.</summary>
    public IReadOnlyList<Geometry> Context { get; init; } = [];

    /// <summary>EPSG code of the metric CRS, for the scale bar's note.</summary>
    public int Srid { get; init; }

    /// <summary>One panel per level.</summary>
    public required IReadOnlyList<ProposalMapPanel> Panels { get; init; }

    /// <summary>Footnote (the stamp id).</summary>
    public string Footnote { get; init; } = "";

    /// <summary>The map of a proposal.</summary>
    /// <param name="result">The proposal.</param>
    /// <param name="city">The city (ward outlines, CRS).</param>
    /// <param name="levelName">Name of a level for panel titles.</param>
    /// <param name="footnote">Footnote.</param>
    public static ProposalMap From(ProposalResult result, CityModel city, Func<string, string> levelName, string footnote)
    {
        var area = result.Needs.Area;
        var reach = area.Area.EnvelopeInternal.Copy();
        reach.ExpandBy(result.Levels.Select(l => l.RadiusM).DefaultIfEmpty(0).Max() * 1.2);
        return new ProposalMap
        {
            Title = area.Name,
            Subtitle = $"Địa điểm trường học đề xuất năm {result.Options.Year} / Proposed school sites, {result.Options.Year}",
            Area = area.Area,
            Context = [.. city.Wards.Where(w => w.Area.EnvelopeInternal.Intersects(reach)).Select(w => w.Area)],
            Srid = city.MetricCrs.Srid,
            Footnote = footnote,
            Panels = [.. result.Levels.Select(l => new ProposalMapPanel(
                $"{levelName(l.Level)}: {l.Sites.Count}/{l.Needs.Schools} trường, bán kính {l.RadiusM:0} m",
                l.RadiusM,
                [.. l.Candidates.Select(c => c.Geometry)],
                [.. l.Sites.Select(s => s.Site.Geometry)],
                l.Points))],
        };
    }
}
