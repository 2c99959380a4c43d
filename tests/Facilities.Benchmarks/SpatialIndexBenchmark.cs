using System.Diagnostics;
using System.Globalization;
using Facilities.Core.Features;
using Facilities.Storage.Sqlite.GeoPackage;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Facilities.Benchmarks;

/// <summary>
/// What the GeoPackage R-tree buys and costs (issue 14), on a parcels layer such as
/// <c>facilities generate --out big.gpkg --parcels 1000000</c>:
/// <list type="bullet">
/// <item>reading the parcels in a 500 m box, through the R-tree (as QGIS and GDAL do) against a full scan of the
/// same file with the index dropped, in-process SQL and through <c>ogrinfo -spat</c>;</item>
/// <item>writing the layer without an index, with the boxes filled while writing (what Facilities does) and with
/// the spec's triggers filling it row by row.</item>
/// </list>
/// <code>dotnet run -c Release --project tests/Facilities.Benchmarks -- --gpkg-index big.gpkg [--boxes 21] [--write-runs 1]</code>
/// </summary>
public static class SpatialIndexBenchmark
{
    private const double HalfWidthDeg = 0.0024;   // 500 m of longitude at 20.8° N is 0.0048°
    private const double HalfHeightDeg = 0.00226; // 500 m of latitude is 0.00452°

    /// <summary>Runs both parts; returns non-zero when the index and the scan disagree.</summary>
    public static int Run(string path, int boxes, int writeRuns)
    {
        Console.WriteLine("# GeoPackage R-tree benchmark");
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var indexed = Path.Combine(dir, "bench-indexed.gpkg");
        var plain = Path.Combine(dir, "bench-plain.gpkg");
        var parcels = GeoPackageDataset.ReadLayer(path, "parcels") ?? throw new InvalidOperationException($"{path} has no parcels layer");
        Console.WriteLine($"parcels: {parcels.Features.Count:N0}");
        try
        {
            Write(parcels, indexed, plain, writeRuns);
            return Read(parcels, indexed, plain, boxes) ? 0 : 1;
        }
        finally
        {
            File.Delete(indexed);
            File.Delete(plain);
        }
    }

    /// <summary>Writes the layer each way; the indexed file is left as the triggers filled it, for the read part.</summary>
    private static void Write(FeatureLayer parcels, string indexed, string plain, int runs)
    {
        var modes = new[] { SpatialIndexFill.None, SpatialIndexFill.WhileWriting, SpatialIndexFill.ByTriggers };
        for (var run = 0; run < runs; run++)
        {
            foreach (var mode in modes)
            {
                var target = mode == SpatialIndexFill.None ? plain : indexed;
                File.Delete(target);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                GeoPackageDataset.ReplaceLayers(target, [parcels], new Dictionary<string, string>(), fresh: true, index: mode);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"write {parcels.Features.Count:N0} parcels, index {mode}: {watch.Elapsed.TotalSeconds:0.0} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU, {new FileInfo(target).Length / 1048576.0:0} MiB; load {Load()}"));
            }
        }
    }

    private static bool Read(FeatureLayer parcels, string indexed, string plain, int boxes)
    {
        var random = new Random(20250701);
        var centres = Enumerable.Range(0, boxes).Select(_ => parcels.Features[random.Next(parcels.Features.Count)].Geometry!.Centroid.Coordinate).ToList();
        var agree = true;
        var (withIndex, withoutIndex) = (new List<double>(), new List<double>());
        var counts = new List<int>();
        foreach (var c in centres)
        {
            var box = new Envelope(c.X - HalfWidthDeg, c.X + HalfWidthDeg, c.Y - HalfHeightDeg, c.Y + HalfHeightDeg);
            var (fast, a) = Time(() => Query(indexed, box, useIndex: true));
            var (slow, b) = Time(() => Query(plain, box, useIndex: false));
            withIndex.Add(fast);
            withoutIndex.Add(slow);
            counts.Add(a.Count);
            agree &= a.SequenceEqual(b);
        }

        Console.WriteLine($"500 m boxes: {boxes}, parcels per box: median {Median(counts.Select(n => (double)n).ToList()):0} (min {counts.Min()}, max {counts.Max()}); index and scan return the same fids: {(agree ? "yes" : "NO")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-process read (SQL + decode + intersects): with R-tree median {Median(withIndex):0.0} ms, full scan median {Median(withoutIndex):0.0} ms, ratio {Median(withoutIndex) / Median(withIndex):0}x; load {Load()}"));

        var c0 = centres[0];
        var spat = string.Create(CultureInfo.InvariantCulture, $"{c0.X - HalfWidthDeg} {c0.Y - HalfHeightDeg} {c0.X + HalfWidthDeg} {c0.Y + HalfHeightDeg}");
        var (gdalFast, gdalSlow) = (new List<double>(), new List<double>());
        for (var i = 0; i < 5; i++)
        {
            gdalFast.Add(Ogrinfo(indexed, spat));
            gdalSlow.Add(Ogrinfo(plain, spat));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ogrinfo -ro -q -spat (whole process, 5 runs): with R-tree median {Median(gdalFast):0} ms, without median {Median(gdalSlow):0} ms, ratio {Median(gdalSlow) / Median(gdalFast):0.0}x; load {Load()}"));

        // GDAL's own read of the same boxes, timed inside one Python process (no process start-up in the figure).
        var py = string.Join(";", centres.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"({c.X - HalfWidthDeg},{c.Y - HalfHeightDeg},{c.X + HalfWidthDeg},{c.Y + HalfHeightDeg})")));
        foreach (var (label, file) in new[] { ("with R-tree", indexed), ("without", plain) })
        {
            Console.WriteLine($"GDAL (osgeo.ogr, SetSpatialFilterRect + read every feature), {label}: {Python(file, py)}");
        }

        return agree;
    }

    /// <summary>fids of the parcels intersecting <paramref name="box"/>: candidates from the R-tree, or every row.</summary>
    private static List<long> Query(string path, Envelope box, bool useIndex)
    {
        using var c = GeoPackageSchema.Open(path, SqliteOpenMode.ReadOnly);
        using var cmd = c.CreateCommand();
        cmd.CommandText = useIndex
            ? "SELECT p.fid, p.geom FROM parcels p JOIN rtree_parcels_geom r ON r.id = p.fid WHERE r.minx <= $x2 AND r.maxx >= $x1 AND r.miny <= $y2 AND r.maxy >= $y1"
            : "SELECT fid, geom FROM parcels";
        cmd.Parameters.AddWithValue("$x1", box.MinX);
        cmd.Parameters.AddWithValue("$x2", box.MaxX);
        cmd.Parameters.AddWithValue("$y1", box.MinY);
        cmd.Parameters.AddWithValue("$y2", box.MaxY);
        var filter = new GeometryFactory().ToGeometry(box);
        var reader = new NetTopologySuite.IO.GeoPackageGeoReader();
        var result = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var g = reader.Read((byte[])r.GetValue(1));
            if (g.EnvelopeInternal.Intersects(box) && g.Intersects(filter))
            {
                result.Add(r.GetInt64(0));
            }
        }

        result.Sort();
        return result;
    }

    private static string Python(string path, string boxes)
    {
        var script = $$"""
            import time, statistics
            from osgeo import ogr
            ds = ogr.Open(r"{{path}}")
            lyr = ds.GetLayerByName("parcels")
            times = []; counts = []
            for b in [{{boxes.Replace(";", ",", StringComparison.Ordinal)}}]:
                t = time.perf_counter(); lyr.SetSpatialFilterRect(*b); lyr.ResetReading(); n = 0
                for f in lyr: n += 1
                times.append((time.perf_counter() - t) * 1000); counts.append(n)
            print("median %.1f ms over %d boxes (min %.1f, max %.1f), median %d features" % (statistics.median(times), len(times), min(times), max(times), statistics.median(counts)))
            """;
        using var p = Process.Start(new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", ["-W", "ignore", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd().Trim() + p.StandardError.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }

    private static double Ogrinfo(string path, string spat)
    {
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(new ProcessStartInfo("ogrinfo", $"-ro -q -fields=NO -geom=NO -spat {spat} \"{path}\" parcels") { RedirectStandardOutput = true, UseShellExecute = false })!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static (double Ms, T Value) Time<T>(Func<T> f)
    {
        var watch = Stopwatch.StartNew();
        var v = f();
        return (watch.Elapsed.TotalMilliseconds, v);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
