using Facilities.Cli;
using Facilities.Testing;

namespace Facilities.Storage.PostGis.Tests.Datasets;

/// <summary>The CLI on a PostGIS copy of the sample city gives what it gives on the GeoPackage, byte for byte.</summary>
public sealed class PostGisCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // Runs one result command on both copies; returns the two output folders.
    private (string File, string Db) Both(string location, Func<string, string, string[]> args)
    {
        foreach (var (dataset, folder) in new[] { (SharedData.SampleCity, "file"), (location, "db") })
        {
            Directory.CreateDirectory(_dir.File(folder));
            var (code, _, err) = Cli(args(dataset, _dir.File(folder)));
            Assert.True(code == ExitCodes.Ok, err);
        }

        return (_dir.File("file"), _dir.File("db"));
    }

    private static void SameBytes(string a, string b, params string[] files)
    {
        foreach (var f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs between the GeoPackage and the PostGIS copy");
        }
    }

    // An .xlsx is not byte-deterministic even for two runs on the same file: its ZIP entries carry the time they were
    // written and the writer names each sheet's relationship with a random id (R + 32 hex digits). So the entries are
    // compared (names, order, contents) with those ids blanked; everything else must be the same bytes.
    private static void SameWorkbook(string a, string b)
    {
        using var x = System.IO.Compression.ZipFile.OpenRead(a);
        using var y = System.IO.Compression.ZipFile.OpenRead(b);
        Assert.Equal(x.Entries.Select(e => e.FullName), y.Entries.Select(e => e.FullName));
        foreach (var (e, f) in x.Entries.Zip(y.Entries))
        {
            using var s = e.Open();
            using var t = f.Open();
            using var m = new MemoryStream();
            using var n = new MemoryStream();
            s.CopyTo(m);
            t.CopyTo(n);
            Assert.True(Blank(m.ToArray()) == Blank(n.ToArray()), $"{e.FullName} of the workbook differs");
        }
    }

    // propose records how long each solver ran (solver_runs.seconds, and the dossier's table of runs), so two runs on
    // the same file already differ there: every table is compared row by row with those seconds left out, and the
    // dossier with its seconds cells (three decimals) blanked.
    private static void SameProposal(string a, string b)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(a, "p.gpkg")};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT table_name FROM gpkg_contents ORDER BY 1";
        using var r = cmd.ExecuteReader();
        var tables = new List<string>();
        while (r.Read())
        {
            tables.Add(r.GetString(0));
        }

        Assert.Contains("solver_runs", tables);
        foreach (var t in tables)
        {
            var x = Facilities.Storage.Sqlite.GeoPackage.GeoPackageDataset.ReadLayer(Path.Combine(a, "p.gpkg"), t)!;
            var y = Facilities.Storage.Sqlite.GeoPackage.GeoPackageDataset.ReadLayer(Path.Combine(b, "p.gpkg"), t)!;
            Assert.Equal(x.Fields, y.Fields);
            Assert.Equal(x.Features.Count, y.Features.Count);
            foreach (var (f, g) in x.Features.Zip(y.Features))
            {
                Assert.Equal(f.Geometry?.ToText(), g.Geometry?.ToText());
                Assert.Equal(f.Attributes.Where(kv => kv.Key != "seconds"), g.Attributes.Where(kv => kv.Key != "seconds"));
            }
        }

        // Solver seconds (three decimals, written the Vietnamese way in the Vietnamese dossier: 0,006) differ between runs.
        static string Html(string folder) => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(folder, "p.html")), "<td>[0-9]+,[0-9]{3}</td>", "<td></td>");
        Assert.Equal(Html(a), Html(b));
    }

    private static string Blank(byte[] entry) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(entry), "\\bR[0-9a-f]{32}\\b", "R");

    [Fact]
    public void EveryResultCommandWritesTheSameBytesFromPostGisAsFromTheGeoPackage()
    {
        using var pg = PgDataset.SampleCity();
        string Out(string folder, string name) => Path.Combine(folder, name);

        var (a, b) = Both(pg.Location, (d, o) => ["deficit", d, "--year", "2030", "--out", Out(o, "d.csv")]);
        SameBytes(a, b, "d.csv", "d.csv.stamp.json");
        (a, b) = Both(pg.Location, (d, o) => ["deficit", d, "--year", "2030", "--method", "catchment", "--level", "thcs", "--out", Out(o, "c.xlsx")]);
        SameWorkbook(Out(a, "c.xlsx"), Out(b, "c.xlsx"));
        (a, b) = Both(pg.Location, (d, o) => ["deficit", d, "--year", "2030", "--out", Out(o, "d.gpkg")]);
        SameBytes(a, b, "d.gpkg");
        (a, b) = Both(pg.Location, (d, o) => ["teachers", d, "--year", "2030", "--out", Out(o, "t.csv")]);
        SameBytes(a, b, "t.csv", "t.csv.stamp.json");
        (a, b) = Both(pg.Location, (d, o) => ["compliance", d, "--out", Out(o, "k.csv")]);
        SameBytes(a, b, "k.csv", "k.csv.stamp.json");
        (a, b) = Both(pg.Location, (d, o) => ["sites", d, "--level", "thcs", "--year", "2030", "--out", Out(o, "s.csv")]);
        SameBytes(a, b, "s.csv", "s.csv.stamp.json");
        (a, b) = Both(pg.Location, (d, o) => ["render", d, "--level", "thcs", "--year", "2030", "--out", Out(o, "m.png")]);
        SameBytes(a, b, "m.png", "m.png.stamp.json");
        (a, b) = Both(pg.Location, (d, o) => ["propose", d, "--urban-area", "KDT-01", "--solver", "greedy", "--out", Out(o, "p.gpkg"), "--report", Out(o, "p.html")]);
        SameProposal(a, b);
    }

    [Fact]
    public void InfoExportAndValidateReadAPostGisDataset()
    {
        using var pg = PgDataset.SampleCity();

        var info = Cli("info", pg.Location, "--lang", "en");
        Assert.Equal(ExitCodes.Ok, info.Code);
        Assert.Contains(new Facilities.Storage.Sqlite.Datasets.GeoPackageStore(SharedData.SampleCity).ContentHash(), info.Out, StringComparison.Ordinal);
        Assert.Contains("parcels", info.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Cli("export", pg.Location, "--layer", "wards", "--out", _dir.File("w.geojson")).Code);
        Assert.Equal(ExitCodes.Ok, Cli("export", SharedData.SampleCity, "--layer", "wards", "--out", _dir.File("w2.geojson")).Code);
        Assert.Equal(File.ReadAllText(_dir.File("w2.geojson")), File.ReadAllText(_dir.File("w.geojson")));
        var validate = Cli("validate", pg.Location, "--lang", "en");
        Assert.Equal(ExitCodes.Ok, validate.Code);
        Assert.Contains("sample-city.gpkg: 0 errors", validate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyMovesADatasetBothWaysWithTheSameContentHash()
    {
        using var pg = PgDataset.Empty();

        var there = Cli("copy", SharedData.SampleCity, pg.Location, "--lang", "en");
        var back = Cli("copy", pg.Location, _dir.File("back.gpkg"), "--lang", "en");

        Assert.Equal(ExitCodes.Ok, there.Code);
        Assert.Equal(ExitCodes.Ok, back.Code);
        var hash = new Facilities.Storage.Sqlite.Datasets.GeoPackageStore(SharedData.SampleCity).ContentHash();
        Assert.Contains(hash, there.Out, StringComparison.Ordinal);
        Assert.Equal(hash, new Facilities.Storage.Sqlite.Datasets.GeoPackageStore(_dir.File("back.gpkg")).ContentHash());
    }

    [Fact]
    public void ImportIntoPostGisWritesTheLayerAndAnImportWithErrorsWritesNothing()
    {
        using var pg = PgDataset.Empty();
        Assert.Equal(ExitCodes.Ok, Cli("export", SharedData.SampleCity, "--layer", "wards", "--out", _dir.File("wards.geojson")).Code);
        var bad = _dir.Write("bad.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Point","coordinates":[106.6,20.8]}}]}
            """);

        var ok = Cli("import", _dir.File("wards.geojson"), "--layer", "wards", "--into", pg.Location, "--lang", "en");
        var hash = pg.Store.ContentHash();
        var refused = Cli("import", bad, "--layer", "wards", "--into", pg.Location, "--lang", "en");

        Assert.True(ok.Code == ExitCodes.Ok, ok.Err);
        Assert.Equal(12, pg.Store.ReadLayer("wards")!.Features.Count);
        Assert.Equal(ExitCodes.DataErrors, refused.Code);
        Assert.Equal(hash, pg.Store.ContentHash());
        Assert.Equal("wards.geojson", pg.Store.Metadata()["layer.wards.source"]);
    }

    [Fact]
    public void TheThreeSpellingsOfALocationOpenTheSameDataset()
    {
        using var pg = PgDataset.SampleCity();
        var b = new Npgsql.NpgsqlConnectionStringBuilder(pg.ConnectionString);
        var libpq = $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database} schema={pg.Schema}";
        var uri = $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}?schema={pg.Schema}";

        var hashes = new[] { pg.Location, libpq, uri }.Select(l => Application.DatasetLocation.Open(l).ContentHash()).Distinct().ToList();

        Assert.Equal(new Facilities.Storage.Sqlite.Datasets.GeoPackageStore(SharedData.SampleCity).ContentHash(), Assert.Single(hashes));
    }
}
