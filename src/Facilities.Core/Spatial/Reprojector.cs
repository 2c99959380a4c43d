using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Facilities.Core.Spatial;

/// <summary>
/// Transforms geometries between coordinate systems with ProjNET, x = easting/longitude first.
/// Transform objects are built once per pair and cached; they are stateless and safe to share.
/// </summary>
/// <remarks>
/// PERF: WGS 84 → WGS 84 / UTM north (the metric systems of <see cref="MetricCrs"/>) goes through the closed-form
/// <see cref="UtmProjection"/> instead of ProjNET; the results agree with PROJ to under a millimetre.
/// </remarks>
public static class Reprojector
{
    private static readonly ConcurrentDictionary<(string From, string To), MathTransform> Cache = new();
    private static readonly ConcurrentDictionary<(int From, int To), UtmProjection?> UtmCache = new();

    /// <summary>Returns a copy of <paramref name="geometry"/> in <paramref name="to"/>, with its SRID set.</summary>
    public static Geometry Transform(Geometry geometry, CrsDefinition from, CrsDefinition to)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return TransformInPlace(geometry.Copy(), from, to);
    }

    /// <summary>
    /// Transforms <paramref name="geometry"/> itself into <paramref name="to"/> and sets its SRID; for geometries the
    /// caller has just built and shares with nobody (saves the copy <see cref="Transform(Geometry, CrsDefinition, CrsDefinition)"/> makes).
    /// </summary>
    /// <returns><paramref name="geometry"/>.</returns>
    public static Geometry TransformInPlace(Geometry geometry, CrsDefinition from, CrsDefinition to)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (from.Wkt != to.Wkt && !geometry.IsEmpty)
        {
            geometry.Apply(Utm(from, to) is { } utm ? new UtmFilter(utm) : new TransformFilter(GetTransform(from, to)));
            geometry.GeometryChanged();
        }

        geometry.SRID = to.Srid;
        return geometry;
    }

    /// <summary>Transforms one coordinate pair (x = easting or longitude first).</summary>
    public static (double X, double Y) Transform(double x, double y, CrsDefinition from, CrsDefinition to) =>
        from.Wkt == to.Wkt ? (x, y) : Utm(from, to) is { } utm ? utm.Forward(x, y) : GetTransform(from, to).Transform(x, y);

    private static UtmProjection? Utm(CrsDefinition from, CrsDefinition to) =>
        UtmCache.GetOrAdd((from.Srid, to.Srid), _ => UtmProjection.ForPair(from, to));

    private static MathTransform GetTransform(CrsDefinition from, CrsDefinition to) =>
        Cache.GetOrAdd((from.Wkt, to.Wkt), key =>
        {
            var factory = new CoordinateSystemFactory();
            var source = factory.CreateFromWkt(key.From);
            var target = factory.CreateFromWkt(key.To);
            return new CoordinateTransformationFactory().CreateFromCoordinateSystems(source, target).MathTransform;
        });

    private sealed class UtmFilter(UtmProjection projection) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq) => projection.Forward(seq);
    }

    private sealed class TransformFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
