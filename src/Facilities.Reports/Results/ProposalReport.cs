using System.Globalization;
using System.Text;
using Facilities.Core.Optimisation;
using Facilities.Core.Presentation;
using Facilities.Core.Proposals;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;
using Facilities.Formats.Writers;

namespace Facilities.Reports.Results;

/// <summary>
/// The proposal dossier: one self-contained HTML file in Vietnamese (English in smaller type) that a planner can
/// attach to the project file: the map as an embedded PNG, the needs, the sites, the solver's gap beside the greedy
/// solution, the norms with their sources and status, the assumptions and the stamp. Every string from the data is
/// HTML-escaped; nothing is fetched from the network.
/// </summary>
public static class ProposalReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the dossier to <paramref name="path"/> atomically.</summary>
    /// <param name="result">The proposal.</param>
    /// <param name="stamp">Its stamp.</param>
    /// <param name="mapPng">The map image (PNG bytes).</param>
    /// <param name="path">Output .html.</param>
    public static void Write(ProposalResult result, ResultStamp stamp, byte[] mapPng, string path) =>
        AtomicFile.Write(path, temp => File.WriteAllText(temp, Build(result, stamp, mapPng), new UTF8Encoding(false)));

    /// <summary>The dossier's HTML text.</summary>
    public static string Build(ProposalResult result, ResultStamp stamp, byte[] mapPng)
    {
        var needs = result.Needs;
        var area = needs.Area;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"Đề xuất địa điểm trường học — {area.Name}")).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>Hồ sơ đề xuất địa điểm trường học <span class=\"en\">School site proposal</span></h1>\n");
        h.Append("<p class=\"lead\">").Append(E(area.Name)).Append(" (").Append(E(area.Id)).Append(")</p>\n");

        Section(h, "project", "1. Dự án", "Project");
        Table(h, "project-table", ["Mục / Item", "Giá trị / Value"],
        [
            [Bi("Dân số quy hoạch", "Planned population"), E(People((double)area.Residents))],
            [Bi("Năm bắt đầu – hoàn thành", "Start – completion"), E($"{area.StartYear} – {area.CompletionYear}")],
            [Bi("Năm tính toán", "Year computed"), E(needs.Year.ToString(Inv))],
            [Bi("Dân số năm tính toán", "Residents that year"), E(People((double)needs.Residents))],
            [Bi("Khu vực", "Setting"), needs.Urban ? Bi("đô thị (phần lớn trong phường)", "urban (mostly in a phường)") : Bi("nông thôn (phần lớn trong xã/đặc khu)", "rural (mostly in a xã or đặc khu)")],
            [Bi("Đất dành cho trường học", "Reserved school land"), needs.ReservedM2 is decimal r ? E(N(r) + " m²") : Bi("không có số liệu", "not stated")],
        ]);

        Section(h, "needs", "2. Nhu cầu theo định mức", "Needs by the norms");
        var rows = needs.Levels.Select(n => new[]
        {
            E(Labels.Level.Vi(n.Level)), E(People((double)n.Pupils)), E(N(n.Classes)), E(N(n.Classrooms)), E(N(n.Schools)),
            E(NumberText.Measure((double)n.ClassesPerSchool, 1, Language.Vi)) + (n.BelowMinimumSize ? " <span class=\"flag\">&lt; tối thiểu / below minimum</span>" : ""),
            E(NumberText.Measure((double)n.LandPerPupilM2, 2, Language.Vi)), E(N(n.MinSiteM2)), E(N(n.LandM2)),
        }).ToList();
        rows.Add([Bi("Tổng", "Total"), E(People((double)needs.Levels.Sum(n => n.Pupils))), E(N(needs.Levels.Sum(n => n.Classes))), E(N(needs.Levels.Sum(n => n.Classrooms))),
            E(N(needs.Levels.Sum(n => n.Schools))), "", "", "", E(N(needs.LandM2))]);
        Table(h, "needs-table", ["Cấp học / Level", "Học sinh / Pupils", "Lớp / Classes", "Phòng học / Classrooms", "Số trường / Schools",
            "Lớp mỗi trường / Classes per school", "m² mỗi HS / m² per pupil", "Trường nhỏ nhất m² / Smallest site m²", "Đất cần m² / Land m²"], rows);
        h.Append("<p class=\"balance\">");
        if (needs.BalanceM2 is decimal b)
        {
            h.Append(b < 0
                ? Bi($"Thiếu {N(-b)} m² đất: dự án dành {N(needs.ReservedM2!.Value)} m², cần {N(needs.LandM2)} m².",
                    $"Shortfall of {N(-b)} m²: the project reserves {N(needs.ReservedM2!.Value)} m² and needs {N(needs.LandM2)} m².")
                : Bi($"Dư {N(b)} m² đất: dự án dành {N(needs.ReservedM2!.Value)} m², cần {N(needs.LandM2)} m².",
                    $"Surplus of {N(b)} m²: the project reserves {N(needs.ReservedM2!.Value)} m² and needs {N(needs.LandM2)} m²."));
        }
        else
        {
            h.Append(Bi("Dự án không ghi diện tích đất dành cho trường học: không so sánh được.", "The project states no reserved school land: no comparison."));
        }

        h.Append("</p>\n");

        Section(h, "map", "3. Bản đồ", "Map");
        h.Append("<figure><img id=\"map\" alt=\"")
            .Append(E($"Bản đồ địa điểm đề xuất — {area.Name} / Map of the proposed sites"))
            .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(mapPng)).Append("\"></figure>\n");

        Section(h, "sites", "4. Địa điểm đề xuất", "Proposed sites");
        h.Append("<p>").Append(Bi(
            $"Mô hình dùng cho đề xuất: {ModelVi(result.Options.Model)}; học sinh được phục vụ = học sinh trong bán kính phục vụ, tính cho địa điểm gần nhất.",
            $"Model used for the proposal: {ModelEn(result.Options.Model)}; covered pupils = pupils within the service radius, counted for the nearest chosen site.")).Append(' ')
            .Append(result.IsJoint
                ? Bi("Các cấp được giải chung (mục 5).", "The levels are solved jointly (section 5).")
                : Bi("Các cấp được giải tuần tự, cấp này sau cấp kia (mục 5 so sánh với giải chung).", "The levels are solved one after another (section 5 compares the joint solution).")).Append("</p>\n");
        var siteRows = result.Levels.SelectMany(l => l.Sites.Select(s => new[]
        {
            E(Labels.Level.Vi(l.Level)), E(s.Rank.ToString(Inv)), E(s.Site.Id), E(string.Join("; ", s.Site.ParcelIds)), E(s.Site.WardName),
            E(s.Site.LandUse), Bi(Labels.OwnerType.Vi(s.Site.OwnerType), Labels.OwnerType.En(s.Site.OwnerType)), E(N(s.Site.AreaM2)),
            E(s.CombinedLevels.Count > 0 || s.Site.AreaM2 >= (double)l.Needs.LandPerSchoolM2 ? "có / yes" : $"không / no (< {N((double)l.Needs.LandPerSchoolM2)})"), E(People(s.CoveredPupils)), E(People(s.PupilsWithinRadius)), E(N(s.MeanDistanceM)),
            E(string.Join(" + ", s.CombinedLevels.Select(Labels.Level.Vi))),
        })).ToList();
        Table(h, "sites-table", ["Cấp / Level", "Hạng / Rank", "Địa điểm / Site", "Thửa / Parcels", "Xã/phường / Ward", "Loại đất / Land use",
            "Sử dụng / Owner", "Diện tích m² / Area m²", "Đủ đất một trường / Fits one school", "HS được phục vụ / Pupils covered", "HS trong bán kính / Pupils within radius",
            "K/c TB m / Mean distance m", "Trường nhiều cấp học / Combined school"], siteRows);
        foreach (var l in result.Levels)
        {
            foreach (var note in l.Notes)
            {
                h.Append("<p class=\"note\"><b>").Append(E(Labels.Level.Vi(l.Level))).Append(":</b> ").Append(Bi(note.Vi, note.En)).Append("</p>\n");
            }
        }

        JointSection(h, result);

        Section(h, "solver", "6. Lời giải từng cấp và so sánh với thuật toán tham lam", "Per-level solutions and the greedy comparison");
        h.Append("<p>").Append(Bi(
            $"Bộ giải: {(result.SolverName.Length == 0 ? "không có (chỉ tham lam)" : result.SolverName)}. Khoảng cách tối ưu (gap) = |cận − mục tiêu| ÷ |mục tiêu|: lời giải cách tối ưu không quá tỷ lệ này.",
            $"Solver: {(result.SolverName.Length == 0 ? "none (greedy only)" : result.SolverName)}. Gap = |bound − objective| ÷ |objective|: the solution is at most this fraction from the optimum.")).Append("</p>\n");
        var runRows = new List<string[]>();
        // The per-level runs are those of the sequential solution (the joint levels carry only the joint run's share).
        foreach (var l in result.Sequential)
        {
            foreach (var s in l.Solutions)
            {
                var exact = l.Solutions.FirstOrDefault(x => x.Model == s.Model && x.Method != GreedySiting.MethodName && x.HasSolution);
                var ratio = s.Method == GreedySiting.MethodName && exact is not null && exact.Objective != 0 && !double.IsNaN(s.Objective)
                    ? NumberText.Percent(s.Model == SitingModel.MaximalCovering ? s.Objective / exact.Objective : exact.Objective / s.Objective, 1, Language.Vi)
                    : "";
                runRows.Add([E(Labels.Level.Vi(l.Level)), Bi(ModelVi(s.Model), ModelEn(s.Model)), E(s.Method), E(SolveStatusText.Of(s.Status)),
                    E(Objective(s, s.Objective)), E(Objective(s, s.Bound)), E(Gap(s.Gap)), E(Seconds(s.Seconds)), E(ratio),
                    E(ReferenceEquals(s, l.Used) && !result.IsJoint ? "✔" : ""), E(s.Note)]);
            }
        }

        Table(h, "solver-table", ["Cấp / Level", "Mô hình / Model", "Phương pháp / Method", "Trạng thái / Status", "Mục tiêu / Objective",
            "Cận / Bound", "Gap", "Giây / Seconds", "Tham lam so với tối ưu / Greedy vs exact", "Dùng / Used", "Ghi chú / Note"], runRows);

        Section(h, "norms", "7. Định mức áp dụng", "Norms cited");
        h.Append("<p>").Append(Bi($"Bộ định mức {result.Norms.Version}. Giá trị \"chưa xác nhận\" là mặc định cần thay bằng số liệu của thành phố.",
            $"Norms {result.Norms.Version}. \"Unconfirmed\" values are defaults the city should replace.")).Append("</p>\n");
        Table(h, "norms-table", ["Khoá / Key", "Giá trị / Value", "Đơn vị / Unit", "Tình trạng / Status", "Nguồn / Source"],
            [.. result.NormsUsed().Select(n => new[]
            {
                E(n.Key), E(n.Value.ToString(Inv)), Unit(n.Unit),
                n.IsUnconfirmed ? "<span class=\"flag\">chưa xác nhận / unconfirmed</span>" : E(n.Status == "confirmed" ? "đã xác nhận / confirmed" : "nguồn thứ cấp / secondary"),
                // The legal basis in Vietnamese (circular, article, clause), the norms file's note below it.
                Bi(NormSource.Vi(n.Source), NormSource.WithoutOutsidePaths(n.Source)),
            })]);

        Section(h, "assumptions", "8. Giả định", "Assumptions");
        h.Append("<ul>\n");
        foreach (var (vi, en) in Assumptions(result))
        {
            h.Append("<li>").Append(Bi(vi, en)).Append("</li>\n");
        }

        h.Append("</ul>\n");

        Section(h, "stamp", "9. Dấu kiểm", "Stamp");
        Table(h, "stamp-table", ["Khoá / Key", "Giá trị / Value"], [.. stamp.Lines().Select(l => new[] { E(l.Key), E(l.Value) }).Append([E("stamp_id"), E(stamp.Id)])]);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static IEnumerable<(string Vi, string En)> Assumptions(ProposalResult result)
    {
        var o = result.Options;
        yield return ("Học sinh = dân số × chỉ tiêu chỗ học trên 1.000 dân ÷ 1.000 (QCVN 01:2021/BXD), làm tròn lên; lớp, phòng học và số trường làm tròn lên.",
            "Pupils = residents × places per 1,000 ÷ 1,000 (QCVN 01:2021/BXD), rounded up; classes, classrooms and schools rounded up.");
        yield return ("Số trường = số lớp ÷ số lớp tối đa của một trường; diện tích đất = học sinh × m² mỗi học sinh, nhưng mỗi trường ít nhất bằng diện tích trường nhỏ nhất (số lớp tối thiểu × sĩ số × m²).",
            "Schools = classes ÷ the largest school's classes; land = pupils × m² per pupil, but at least the smallest site (minimum classes × class cap × m²) per school.");
        yield return ("Định mức đất đô thị rút gọn áp dụng khi dự án nằm phần lớn trong phường (chính sách của công cụ, như khi sàng lọc thửa đất).",
            "The reduced urban land norm applies when the project lies mostly in a phường (the tool's policy, as in parcel screening).");
        yield return ("Ứng viên: thửa đất (hoặc nhóm thửa nhà nước liền kề) đạt mọi điều kiện bắt buộc của cấp học, có trọng tâm trong bán kính phục vụ quanh dự án. Giải tuần tự: một thửa đã chọn cho cấp trước không được xét cho cấp sau. Giải chung: các cấp dùng chung các thửa, mỗi thửa tối đa một trường (một cấp, hoặc trường nhiều cấp học nếu đủ tổng đất).",
            "Candidates: parcels (or groups of adjacent state parcels) passing every hard constraint of the level, with their centroid within the service radius of the project. Sequential: a parcel chosen for one level is not offered to the next. Joint: the levels share the parcels, each parcel hosting at most one school (one level, or a combined school where it holds the summed land).");
        yield return (o.UnservedOnly
                ? "Nhu cầu: điểm lưới nhu cầu trong vùng đệm, trọng số là học sinh mà các trường hiện có trong tầm không còn chỗ nhận (phương pháp vùng phục vụ, giới hạn sức chứa)."
                : "Nhu cầu: điểm lưới nhu cầu (dân cư xã/phường và dự án) trong vùng đệm, trọng số là toàn bộ học sinh của cấp học.",
            o.UnservedOnly
                ? "Demand: demand-grid points within the buffer, weighted by the pupils no existing school within reach has room for (catchment method, capacity-limited)."
                : "Demand: demand-grid points (ward residents and growth areas) within the buffer, weighted by all pupils of the level.");
        yield return ("Khoảng cách là đường chim bay từ điểm nhu cầu đến trọng tâm địa điểm, trong hệ tọa độ mét của thành phố.",
            "Distances are straight lines from a demand point to the site's centroid, in the city's metric CRS.");
        yield return ($"Lưới nhu cầu {NumberText.Measure(o.GridSpacingMetres, 1, Language.Vi)} m; năm {o.Year}; giới hạn thời gian bộ giải {NumberText.Measure(o.Limits.TimeLimit.TotalSeconds, 1, Language.Vi)} giây mỗi mô hình.",
            string.Create(Inv, $"Demand grid {o.GridSpacingMetres} m; year {o.Year}; solver time limit {o.Limits.TimeLimit.TotalSeconds} s per model."));
    }

    // Section 5: the joint model's runs, the joint and the sequential figures side by side, the verdict, and the sites of
    // the solution that is not the proposal (the proposal's are in section 4).
    private static void JointSection(StringBuilder h, ProposalResult result)
    {
        Section(h, "joint", "5. Giải chung các cấp và so sánh với giải tuần tự", "Levels solved jointly, against one after another");
        if (result.Comparison is not var (joint, sequential))
        {
            h.Append("<p>").Append(Bi("Không giải chung: chỉ có một cấp học, hoặc mô hình p-trung vị (mô hình chung là mô hình phủ tối đa).",
                "Not solved jointly: one level only, or the p-median model (the joint model is maximal covering).")).Append("</p>\n");
            return;
        }

        h.Append("<p>").Append(Bi(
            "Mô hình chung: một mô hình phủ tối đa cho mọi cấp, các cấp dùng chung các địa điểm; mỗi thửa tối đa một trường, hoặc một trường phổ thông nhiều cấp học (tiểu học + THCS, THCS + THPT, tiểu học + THCS + THPT; Điều lệ ban hành kèm Thông tư 32/2020/TT-BGDĐT) khi diện tích đủ tổng đất một trường của các cấp; mỗi cấp tối đa số trường cần. Mục tiêu = Σ học sinh được phục vụ × m² đất mỗi học sinh của cấp (Thông tư 13/2020/TT-BGDĐT): số m² đất trường mà học sinh ở trong bán kính phục vụ, nên một cấp nặng ký theo cả số học sinh lẫn đất mỗi học sinh cần.",
            "Joint model: one maximal-covering model for all levels, sharing the sites; a parcel hosts at most one school, or one combined school (primary + THCS, THCS + THPT, primary + THCS + THPT; charter issued with Circular 32/2020/TT-BGDĐT) where its area holds the summed land of one school per level; each level gets at most the schools it needs. Objective = Σ pupils covered × the level's m² of site per pupil (Circular 13/2020/TT-BGDĐT): the m² of school land whose pupils are within reach, so a level weighs by both the pupils it serves and the land each needs.")).Append("</p>\n");
        Table(h, "joint-runs-table", ["Phương pháp / Method", "Trạng thái / Status", "Mục tiêu m² / Objective m²", "Cận / Bound", "Gap", "Giây / Seconds", "Dùng / Used", "Ghi chú / Note"],
            [.. result.JointRuns.Select(r => new[]
            {
                E(r.Method), E(SolveStatusText.Of(r.Status)), E(double.IsNaN(r.Objective) ? "" : People(r.Objective)), E(double.IsNaN(r.Bound) ? "" : People(r.Bound)),
                E(Gap(r.Gap)), E(Seconds(r.Seconds)), E(ReferenceEquals(r, result.JointUsed) ? "✔" : ""), E(r.Note),
            })]);
        var rows = joint.Levels.Select((j, i) => (j, q: sequential.Levels[i])).Select(t => new[]
        {
            E(Labels.Level.Vi(t.j.Level)), E(N(t.j.SchoolsNeeded)), E(N(t.j.SitesPlaced)), E(People(t.j.CoveredPupils)), E(People(t.j.LandM2)),
            E(N(t.q.SitesPlaced)), E(People(t.q.CoveredPupils)), E(People(t.q.LandM2)),
        }).ToList();
        rows.Add([Bi("Tổng", "Total"), E(N(joint.Levels.Sum(l => l.SchoolsNeeded))), E(N(joint.SitesPlaced)), E(People(joint.CoveredPupils)), E(People(joint.LandUsedM2)),
            E(N(sequential.SitesPlaced)), E(People(sequential.CoveredPupils)), E(People(sequential.LandUsedM2))]);
        rows.Add([Bi("Mục tiêu chung m²", "Joint objective m²"), "", "", "", E(People(joint.Objective)), "", "", E(People(sequential.Objective))]);
        Table(h, "comparison-table", ["Cấp / Level", "Trường cần / Schools needed", "Chung: địa điểm / Joint: sites", "Chung: HS phục vụ / Joint: pupils covered",
            "Chung: đất m² / Joint: land m²", "Tuần tự: địa điểm / Sequential: sites", "Tuần tự: HS phục vụ / Sequential: pupils covered", "Tuần tự: đất m² / Sequential: land m²"], rows);
        if (JointVerdict.Of(result) is { } verdict)
        {
            h.Append("<p class=\"verdict\">").Append(Bi(verdict.Vi, verdict.En)).Append("</p>\n");
        }

        var other = result.IsJoint ? result.Sequential : result.JointLevels;
        h.Append("<p>").Append(result.IsJoint
            ? Bi("Địa điểm của lời giải tuần tự (để so sánh):", "Sites of the sequential solution (for comparison):")
            : Bi("Địa điểm của lời giải chung (để so sánh):", "Sites of the joint solution (for comparison):")).Append("</p>\n");
        Table(h, "alternative-sites-table", ["Cấp / Level", "Địa điểm / Sites", "HS phục vụ / Pupils covered", "Diện tích m² / Area m²"],
            [.. other.Select(l => new[]
            {
                E(Labels.Level.Vi(l.Level)), E(l.Sites.Count == 0 ? "—" : string.Join(", ", l.Sites.Select(s => s.Site.Id))),
                E(People(l.Sites.Sum(s => s.CoveredPupils))), E(People(l.Sites.Sum(s => s.Site.AreaM2))),
            })]);
    }

    private static void Section(StringBuilder h, string id, string vi, string en) =>
        h.Append("<h2 id=\"").Append(id).Append("\">").Append(E(vi)).Append(" <span class=\"en\">").Append(E(en)).Append("</span></h2>\n");

    private static void Table(StringBuilder h, string id, string[] headers, List<string[]> rows)
    {
        h.Append("<table id=\"").Append(id).Append("\">\n<thead><tr>");
        foreach (var c in headers)
        {
            h.Append("<th>").Append(E(c)).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        if (rows.Count == 0)
        {
            h.Append("<tr><td colspan=\"").Append(headers.Length).Append("\">").Append(Bi("(không có)", "(none)")).Append("</td></tr>\n");
        }

        foreach (var r in rows)
        {
            h.Append("<tr>");
            foreach (var c in r)
            {
                h.Append("<td>").Append(c).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
    }

    // Vietnamese, then English in smaller type; both escaped.
    private static string Bi(string vi, string en) => E(vi) + " <span class=\"en\">" + E(en) + "</span>";

    /// <summary>
    /// Escapes the five HTML metacharacters, enough for text and quoted attributes. (WebUtility.HtmlEncode would also
    /// turn ô, é and the like into numeric entities, which a planner searching the file's text would not find.)
    /// </summary>
    internal static string E(string? s) => (s ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    // The dossier is Vietnamese first: 34.560 m², 2,5 (docs/render.md, NumberText); the GeoPackage keeps exact figures.
    private static string N(decimal v) => NumberText.Measure((double)v, 2, Language.Vi);

    private static string N(double v) => NumberText.Measure(v, 1, Language.Vi);

    private static string N(long v) => NumberText.Count(v, Language.Vi);

    // The unit in Vietnamese with the English below it; once when both read the same ("m").
    private static string Unit(string unit) => Labels.NormUnit.Vi(unit) is var vi && vi == unit ? E(unit) : Bi(vi, unit);

    // The models spread pupils fractionally; a dossier counts whole people (the GeoPackage keeps the exact figure).
    private static string People(double v) => NumberText.People(v, Language.Vi);

    // The solver table is read in Vietnamese like the rest of the dossier: 1.234,5 (NumberText).
    private static string Objective(SitingSolution s, double v) =>
        double.IsNaN(v) ? "" : NumberText.Format(v, s.Model == SitingModel.MaximalCovering ? 1 : 0, Language.Vi);

    private static string Seconds(double seconds) => NumberText.Format(seconds, 3, Language.Vi);

    private static string Gap(double gap) => double.IsNaN(gap) ? "" : double.IsInfinity(gap) ? "∞" : NumberText.Percent(gap, 2, Language.Vi);

    private static string ModelVi(SitingModel m) => m == SitingModel.MaximalCovering ? "phủ tối đa" : "p-trung vị";

    private static string ModelEn(SitingModel m) => m == SitingModel.MaximalCovering ? "maximal covering" : "p-median";

    private const string Css = """
        body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #1a1a1a; line-height: 1.4; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
        .en { color: #555; font-size: 0.85em; font-weight: normal; }
        .lead { font-size: 1.2em; font-weight: bold; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; vertical-align: top; }
        th { background: #eee; text-align: left; }
        td { text-align: left; }
        .flag { color: #a00; font-weight: bold; }
        .balance { font-weight: bold; }
        .note { color: #7a4b00; }
        .verdict { font-weight: bold; }
        figure { margin: 0; }
        img { max-width: 100%; border: 1px solid #ccc; }
        @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } table { page-break-inside: auto; } }

        """;
}
