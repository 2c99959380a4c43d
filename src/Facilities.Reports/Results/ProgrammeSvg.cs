using System.Globalization;
using System.Text;
using Facilities.Core.Programme;
using NetTopologySuite.Geometries;

namespace Facilities.Reports.Results;

/// <summary>The dossier's drawings as inline SVG (no image files, no network): the project map and the trajectory chart.</summary>
public static class ProgrammeSvg
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Colour of a start year, from a fixed sequential ramp (viridis, 6 steps) by its offset from the first year.</summary>
    public static string YearColour(int year, int fromYear) =>
        new[] { "#440154", "#414487", "#2a788e", "#22a884", "#7ad151", "#fde725" }[Math.Clamp(year - fromYear, 0, 5)];

    /// <summary>Ward outlines (metric CRS) and the projects as dots coloured by start year, north up, one scale for both axes.</summary>
    public static string Map(IReadOnlyCollection<Geometry> wards, IReadOnlyList<ProgrammeProject> projects, int fromYear)
    {
        const double W = 720, H = 520, Pad = 10;
        var env = new Envelope();
        foreach (var g in wards)
        {
            env.ExpandToInclude(g.EnvelopeInternal);
        }
        foreach (var p in projects.Where(p => p.Action.Location is not null))
        {
            env.ExpandToInclude(p.Action.Location!.EnvelopeInternal);
        }
        if (env.IsNull || env.Width <= 0 || env.Height <= 0)
        {
            return "<p>Không có dữ liệu bản đồ / no map data</p>";
        }
        var scale = Math.Min((W - (2 * Pad)) / env.Width, (H - (2 * Pad)) / env.Height);
        string X(double x) => (Pad + ((x - env.MinX) * scale)).ToString("0.#", Inv);
        string Y(double y) => (H - Pad - ((y - env.MinY) * scale)).ToString("0.#", Inv);
        var s = new StringBuilder();
        s.Append(Inv, $"<svg class=\"map\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"Bản đồ dự án / project map\">\n");
        foreach (var g in wards)
        {
            for (var i = 0; i < g.NumGeometries; i++)
            {
                if (g.GetGeometryN(i) is Polygon poly)
                {
                    s.Append("<path class=\"ward\" d=\"");
                    foreach (var ring in new[] { poly.ExteriorRing }.Concat(poly.InteriorRings))
                    {
                        s.Append('M').Append(string.Join(" L", ring.Coordinates.Select(c => X(c.X) + "," + Y(c.Y)))).Append('Z');
                    }
                    s.Append("\"/>\n");
                }
            }
        }
        foreach (var p in projects.Where(p => p.Action.Location is not null))
        {
            var c = p.Action.Location!.InteriorPoint.Coordinate;
            var r = 3 + Math.Sqrt(p.Action.Classrooms);
            s.Append(Inv, $"<circle cx=\"{X(c.X)}\" cy=\"{Y(c.Y)}\" r=\"{r:0.#}\" fill=\"{YearColour(p.Start, fromYear)}\" class=\"{(p.Action.Kind == ActionKind.Handover ? "handover" : "project")}\"><title>")
                .Append(System.Net.WebUtility.HtmlEncode($"{p.Action.Name} — {p.Start}–{p.Finish}, {p.Action.Classrooms} phòng/rooms"))
                .Append("</title></circle>\n");
        }
        return s.Append("</svg>\n").ToString();
    }

    /// <summary>Unmet pupils per year: before the programme, after greedy's and after the chosen one.</summary>
    public static string Trajectory(ProgrammeScenario s)
    {
        const double W = 720, H = 300, L = 70, B = 30, T = 10, R = 150;
        var years = s.Instance.Years.ToList();
        double[] Series(Func<int, double> cell) => [.. years.Select(y => s.Instance.Needs.Select((c, i) => (c, i)).Where(p => p.c.Year == y).Sum(p => cell(p.i)))];
        var before = Series(i => s.Instance.Needs[i].ShortagePupils);
        var greedy = Series(i => s.GreedyOutcome.Remaining[i]);
        var chosen = Series(i => s.ChosenOutcome.Remaining[i]);
        var max = Math.Max(1, before.Concat(greedy).Concat(chosen).Max());
        string X(int k) => (L + ((W - L - R) * (years.Count == 1 ? 0.5 : (double)k / (years.Count - 1)))).ToString("0.#", Inv);
        string Y(double v) => (H - B - ((H - B - T) * v / max)).ToString("0.#", Inv);
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"Học sinh thiếu chỗ theo năm / unmet pupils by year\">\n");
        svg.Append(Inv, $"<line x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\" class=\"axis\"/><line x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\" class=\"axis\"/>\n");
        svg.Append(Inv, $"<text x=\"{L - 6}\" y=\"{T + 10}\" text-anchor=\"end\">{max:N0}</text><text x=\"{L - 6}\" y=\"{H - B}\" text-anchor=\"end\">0</text>\n");
        for (var k = 0; k < years.Count; k++)
        {
            svg.Append(Inv, $"<text x=\"{X(k)}\" y=\"{H - 10}\" text-anchor=\"middle\">{years[k]}</text>\n");
        }
        foreach (var (values, colour, label) in new[] { (before, "#b2182b", "trước / before"), (greedy, "#f4a582", "tham lam / greedy"), (chosen, "#2166ac", "tối ưu / optimum") })
        {
            svg.Append(Inv, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{string.Join(" ", values.Select((v, k) => X(k) + "," + Y(v)))}\"/>\n");
            svg.Append(Inv, $"<text x=\"{W - R + 8}\" y=\"{Y(values[^1])}\" fill=\"{colour}\">{label}</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }
}
