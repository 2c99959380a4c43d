using System.Globalization;
using Facilities.Core.Schema;
using Facilities.Core.Spatial;
using Facilities.Core.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Facilities.Core.Import;

/// <summary>
/// Checks one geometry against its layer: presence, type, plausible coordinates for Vietnam, OGC validity.
/// Repairs what can be repaired without changing the meaning (self-touching rings, ring orientation) and says so.
/// </summary>
public static class GeometryInspector
{
    /// <summary>
    /// Returns the geometry, normalised for the layer (polygons as MultiPolygon, counter-clockwise shells),
    /// or null after recording an error.
    /// </summary>
    /// <param name="geometry">Geometry in <paramref name="crs"/>.</param>
    /// <param name="schema">The layer contract.</param>
    /// <param name="crs">The geometry's CRS.</param>
    /// <param name="feature">Feature label for messages.</param>
    /// <param name="issues">Where problems go.</param>
    /// <param name="reoriented">Set when a ring's orientation was changed.</param>
    public static Geometry? Inspect(Geometry? geometry, LayerSchema schema, CrsDefinition crs, string feature, IssueList issues, out bool reoriented)
    {
        reoriented = false;
        if (geometry is null)
        {
            issues.Error("geometry-missing", feature, null, "đối tượng không có hình học.", "the feature has no geometry.");
            return null;
        }

        if (geometry.IsEmpty)
        {
            issues.Error("geometry-empty", feature, null, "hình học rỗng.", "the geometry is empty.");
            return null;
        }

        var shaped = Shape(geometry, schema.Geometry);
        if (shaped is null)
        {
            var expected = schema.Geometry switch
            {
                GeometryKind.Point => ("điểm (Point)", "a Point"),
                GeometryKind.Polygon => ("vùng (Polygon/MultiPolygon)", "a Polygon or MultiPolygon"),
                _ => ("điểm hoặc vùng", "a Point or a Polygon"),
            };
            issues.Error("geometry-wrong-type", feature, null,
                $"lớp '{schema.Name}' cần {expected.Item1}, nhưng đối tượng là {geometry.GeometryType}.",
                $"layer '{schema.Name}' needs {expected.Item2}, but this feature is a {geometry.GeometryType}.");
            return null;
        }

        if (!PlausibleCoordinates(shaped, crs, feature, issues))
        {
            return null;
        }

        var valid = new IsValidOp(shaped);
        if (!valid.IsValid)
        {
            var err = valid.ValidationError!;
            var at = Coord(err.Coordinate);
            var lenient = new IsValidOp(shaped) { SelfTouchingRingFormingHoleValid = true };
            if (!lenient.IsValid)
            {
                issues.Error(err.ErrorType == TopologyValidationErrors.SelfIntersection || err.ErrorType == TopologyValidationErrors.RingSelfIntersection
                        ? "geometry-self-intersection" : "geometry-invalid", feature, null,
                    $"hình học không hợp lệ: {ViError(err.ErrorType)} tại {at}.",
                    $"invalid geometry: {err.Message} at {at}.");
                return null;
            }

            var fixedGeometry = GeometryFixer.Fix(shaped);
            shaped = Shape(fixedGeometry, schema.Geometry) ?? fixedGeometry;
            issues.Warning("geometry-repaired", feature, null,
                $"vòng biên tự chạm tại {at} đã được tách thành vòng ngoài và lỗ (diện tích không đổi).",
                $"a ring touching itself at {at} was split into a shell and a hole (area unchanged).");
        }

        return RingOrientation.Counterclockwise(shaped, out reoriented);
    }

    /// <summary>Checks that coordinates can be in Vietnam for a geographic CRS, or are metres for a projected one.</summary>
    public static bool PlausibleCoordinates(Geometry geometry, CrsDefinition crs, string feature, IssueList issues)
    {
        var env = geometry.EnvelopeInternal;
        var looksLikeDegrees = env.MinX >= -180 && env.MaxX <= 180 && env.MinY >= -90 && env.MaxY <= 90;
        var sample = Coord(geometry.Coordinate);
        if (crs.IsGeographic)
        {
            if (VietnamBounds.Contains(env.MinY, env.MinX) && VietnamBounds.Contains(env.MaxY, env.MaxX))
            {
                return InVietnam(env, feature, issues, sample, crs);
            }

            if (!looksLikeDegrees)
            {
                issues.Error("coordinates-not-degrees", feature, null,
                    $"toạ độ {sample} là mét, không phải độ, nhưng hệ toạ độ của tệp là {crs.Label}. Dữ liệu VN-2000: dùng --crs EPSG:9210 (Hải Phòng) hoặc EPSG:9209 (Hải Dương cũ).",
                    $"coordinates such as {sample} are metres, not degrees, but the file's CRS is {crs.Label}. For VN-2000 data pass --crs EPSG:9210 (Hai Phong) or EPSG:9209 (former Hai Duong).");
                return false;
            }

            return InVietnam(env, feature, issues, sample, crs);
        }

        if (looksLikeDegrees)
        {
            issues.Error("coordinates-degrees-in-projected", feature, null,
                $"toạ độ {sample} trông như độ (kinh độ, vĩ độ), nhưng hệ toạ độ là {crs.Label} (mét). Dùng --crs EPSG:4326.",
                $"coordinates such as {sample} look like degrees (lon, lat), but the CRS is {crs.Label} (metres). Pass --crs EPSG:4326.");
            return false;
        }

        return true;
    }

    /// <summary>Checks that a lon/lat envelope lies in Vietnam, recognising swapped axes.</summary>
    public static bool InVietnam(Envelope env, string feature, IssueList issues, string sample, CrsDefinition source)
    {
        if (VietnamBounds.Contains(env.MinX, env.MinY) && VietnamBounds.Contains(env.MaxX, env.MaxY))
        {
            return true;
        }

        if (VietnamBounds.Contains(env.MinY, env.MinX) && VietnamBounds.Contains(env.MaxY, env.MaxX))
        {
            issues.Error("coordinates-swapped", feature, null,
                $"kinh độ và vĩ độ bị đảo: {sample} phải là (kinh độ, vĩ độ) với kinh độ trước.",
                $"longitude and latitude are swapped: {sample} must be (lon, lat), longitude first.");
            return false;
        }

        issues.Error("coordinates-outside-vietnam", feature, null,
            $"toạ độ {sample} (từ {source.Label}) nằm ngoài Việt Nam: sai hệ toạ độ?",
            $"coordinates {sample} (from {source.Label}) are outside Vietnam: wrong CRS?");
        return false;
    }

    /// <summary>"(x, y)" with 6 decimals, for messages.</summary>
    public static string Coord(Coordinate? c) => c is null
        ? "?"
        : string.Create(CultureInfo.InvariantCulture, $"({c.X:0.######}, {c.Y:0.######})");

    private static Geometry? Shape(Geometry g, GeometryKind kind) => (kind, g) switch
    {
        (GeometryKind.Point or GeometryKind.PointOrPolygon, Point) => g,
        (GeometryKind.Point or GeometryKind.PointOrPolygon, MultiPoint { NumGeometries: 1 } mp) => mp.GetGeometryN(0),
        (GeometryKind.Polygon, Polygon p) => g.Factory.CreateMultiPolygon([p]),
        (GeometryKind.Polygon or GeometryKind.PointOrPolygon, MultiPolygon) => g,
        (GeometryKind.PointOrPolygon, Polygon) => g,
        _ => null,
    };

    private static string ViError(TopologyValidationErrors type) => type switch
    {
        TopologyValidationErrors.SelfIntersection => "các cạnh tự cắt nhau",
        TopologyValidationErrors.RingSelfIntersection => "vòng biên tự cắt",
        TopologyValidationErrors.RingNotClosed => "vòng biên không khép kín",
        TopologyValidationErrors.TooFewPoints => "quá ít điểm",
        TopologyValidationErrors.HoleOutsideShell => "lỗ nằm ngoài vòng ngoài",
        TopologyValidationErrors.NestedHoles => "lỗ lồng nhau",
        TopologyValidationErrors.DisconnectedInteriors => "phần trong bị tách rời",
        TopologyValidationErrors.NestedShells => "các vùng lồng nhau",
        TopologyValidationErrors.InvalidCoordinate => "toạ độ không hợp lệ (NaN hoặc vô cực)",
        _ => type.ToString(),
    };
}
