using Facilities.Application.Import;
using Facilities.Formats;
using Facilities.Storage.Sqlite.GeoPackage;
using Facilities.Testing;

namespace Facilities.IO.Tests;

/// <summary>Runs an import that must fail and checks the code and that the dataset kept every byte.</summary>
internal static class ImportAssert
{
    /// <summary>A small valid dataset to import into: the generated city with a few parcels.</summary>
    public static string ExistingDataset(TempDir dir)
    {
        var path = dir.File("city.gpkg");
        var city = Core.Generation.SampleCityGenerator.Generate(new Core.Generation.SampleCityOptions { Parcels = 50 });
        GeoPackageDataset.ReplaceLayers(path, city.Layers, new Dictionary<string, string>());
        return path;
    }

    /// <summary>Asserts the import reports <paramref name="code"/> (as an issue or a file error) and leaves the dataset unchanged.</summary>
    public static Core.Validation.ValidationIssue Rejected(ImportRequest request, string code)
    {
        var before = File.ReadAllBytes(request.DatasetPath!);
        Core.Validation.ValidationIssue issue;
        try
        {
            var outcome = DatasetImporter.Import(request);
            Assert.False(outcome.Written);
            issue = Assert.Single(outcome.Issues.Items, i => i.Code == code);
            Assert.Equal(Core.Validation.IssueSeverity.Error, issue.Severity);
        }
        catch (DataFileException e)
        {
            Assert.Equal(code, e.Issue.Code);
            issue = e.Issue;
        }

        Assert.Equal(before, File.ReadAllBytes(request.DatasetPath!));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(request.DatasetPath!)!, "*.tmp"));
        Assert.Equal(Path.GetFileName(request.SourcePath), Path.GetFileName(issue.File) is var f && f.EndsWith(".dbf", StringComparison.Ordinal) ? Path.ChangeExtension(f, ".shp") : f);
        return issue;
    }
}
