using Facilities.Core.Features;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;

namespace Facilities.Formats.Readers.Tables;

/// <summary>
/// Which columns hold the geometry and how: a WKT column, or two coordinate columns in an order told by their
/// names (lon/lat) or by their values (X/Y), and the CRS they are in.
/// </summary>
/// <param name="Wkt">The WKT column, or -1.</param>
/// <param name="First">The lon or X column, or -1.</param>
/// <param name="Second">The lat or Y column, or -1.</param>
/// <param name="Order">What (First, Second) hold.</param>
/// <param name="Crs">The CRS the coordinates are in, or null when only the user's --crs can say (WKT).</param>
internal sealed record CoordinateColumns(int Wkt, int First, int Second, AxisOrder Order, CrsDefinition? Crs)
{
    /// <summary>The source columns holding the geometry, each with what it holds.</summary>
    public IReadOnlyList<GeometrySource> Sources(string[] names)
    {
        if (Wkt >= 0)
        {
            return [new GeometrySource(names[Wkt], "hình học (WKT)", "geometry (WKT)")];
        }

        var (first, second) = Order switch
        {
            AxisOrder.LonLat => (("kinh độ", "longitude"), ("vĩ độ", "latitude")),
            AxisOrder.LatLon => (("vĩ độ", "latitude"), ("kinh độ", "longitude")),
            AxisOrder.EastingNorthing => (("toạ độ Đông (easting)", "easting"), ("toạ độ Bắc (northing)", "northing")),
            _ => (("toạ độ Bắc (northing)", "northing"), ("toạ độ Đông (easting)", "easting")),
        };
        return
        [
            new GeometrySource(names[First], "hình học: " + first.Item1, "geometry: " + first.Item2),
            new GeometrySource(names[Second], "hình học: " + second.Item1, "geometry: " + second.Item2),
        ];
    }

    /// <summary>Resolves the geometry columns of a table from its names and values.</summary>
    public static CoordinateColumns Resolve(
        string file, string layer, string? sheet, string[] names, IReadOnlyList<TableRow> rows, Func<TableRow, int, double?> number,
        TableOptions options, IssueList issues)
    {
        var roles = names.Select(GeometryColumnNames.Classify).ToArray();
        var wgs84 = CrsRegistry.Get(CrsRegistry.Wgs84Srid);
        var wkt = Array.IndexOf(roles, GeometryRole.Wkt);
        if (wkt >= 0)
        {
            return new CoordinateColumns(wkt, -1, -1, AxisOrder.LonLat, wgs84);
        }

        var (lon, lat) = (Array.IndexOf(roles, GeometryRole.Lon), Array.IndexOf(roles, GeometryRole.Lat));
        if (lon >= 0 && lat >= 0)
        {
            return new CoordinateColumns(-1, lon, lat, AxisOrder.LonLat, wgs84);
        }

        var (x, y) = (Array.IndexOf(roles, GeometryRole.X), Array.IndexOf(roles, GeometryRole.Y));
        if (x < 0 || y < 0)
        {
            var seen = string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"'{n}'"));
            throw new DataFileException(options.TextCells ? "csv-no-geometry" : "table-no-geometry", file, layer,
                $"{(sheet is null ? "" : $"trang tính '{sheet}': ")}{TableLayerBuilder.NoGeometryVi} Các cột có: {seen}.",
                $"{(sheet is null ? "" : $"sheet '{sheet}': ")}{TableLayerBuilder.NoGeometryEn} The columns are: {seen}.");
        }

        var pairs = rows.Select(r => (A: number(r, x), B: number(r, y))).Where(p => p.A is not null && p.B is not null)
            .Select(p => (p.A!.Value, p.B!.Value)).ToList();
        if (pairs.Count == 0)
        {
            return new CoordinateColumns(-1, x, y, AxisOrder.LonLat, wgs84);
        }

        var order = CoordinateAxes.Detect(pairs) ?? throw new DataFileException("coordinates-unrecognised", file, layer,
            $"cột '{names[x]}' và '{names[y]}' không giống toạ độ ở Việt Nam (dòng đầu: {pairs[0].Item1}, {pairs[0].Item2}): cần kinh độ 100–115° và vĩ độ 5–25°, hoặc toạ độ VN-2000 với Đông (easting) 300–700 km và Bắc (northing) 900–2.600 km.",
            $"columns '{names[x]}' and '{names[y]}' do not look like coordinates in Vietnam (first row: {pairs[0].Item1}, {pairs[0].Item2}): they need longitude 100–115° and latitude 5–25°, or VN-2000 easting 300–700 km and northing 900–2,600 km.");
        var crs = CoordinateAxes.IsProjected(order) ? Projected(file, layer, names[x], names[y], options) : wgs84;
        Say(order, names[x], names[y], crs, issues);
        return new CoordinateColumns(-1, x, y, order, crs);
    }

    private static CrsDefinition Projected(string file, string layer, string xName, string yName, TableOptions options)
    {
        if (options.CrsOverride is { IsGeographic: false } given)
        {
            return given;
        }

        throw new DataFileException("coordinates-not-degrees", file, layer,
            $"cột '{xName}'/'{yName}' là toạ độ phẳng tính bằng mét (VN-2000), nhưng tệp bảng không ghi hệ toạ độ. Dùng --crs EPSG:9210 (VN-2000 Hải Phòng, kinh tuyến trục 105°45′) hoặc --crs EPSG:9209 (VN-2000 Hải Dương cũ, 105°30′).",
            $"columns '{xName}'/'{yName}' are projected coordinates in metres (VN-2000), but a table cannot say its coordinate system. Pass --crs EPSG:9210 (VN-2000 Hai Phong, central meridian 105°45′) or --crs EPSG:9209 (VN-2000 former Hai Duong, 105°30′).");
    }

    private static void Say(AxisOrder order, string xName, string yName, CrsDefinition crs, IssueList issues)
    {
        var (vi, en) = order switch
        {
            AxisOrder.NorthingEasting => (
                $"cột '{xName}' là toạ độ Bắc (northing) và '{yName}' là toạ độ Đông (easting), theo cách ghi của trắc địa Việt Nam (X = Bắc, Y = Đông); đọc trong {crs.Label}.",
                $"column '{xName}' is the northing and '{yName}' the easting, as Vietnamese surveyors write them (X = north, Y = east); read in {crs.Label}."),
            AxisOrder.EastingNorthing => (
                $"cột '{xName}' là toạ độ Đông (easting) và '{yName}' là toạ độ Bắc (northing) (X = Đông, Y = Bắc); đọc trong {crs.Label}.",
                $"column '{xName}' is the easting and '{yName}' the northing (X = east, Y = north); read in {crs.Label}."),
            AxisOrder.LatLon => (
                $"cột '{xName}' là vĩ độ và '{yName}' là kinh độ (ghi ngược thứ tự thường); đọc trong {crs.Label}.",
                $"column '{xName}' holds latitudes and '{yName}' longitudes (the reverse of the usual order); read in {crs.Label}."),
            _ => (
                $"cột '{xName}' là kinh độ và '{yName}' là vĩ độ; đọc trong {crs.Label}.",
                $"column '{xName}' holds longitudes and '{yName}' latitudes; read in {crs.Label}."),
        };
        issues.Notice("coordinates-axis-order", null, xName + "/" + yName, vi, en);
    }
}
