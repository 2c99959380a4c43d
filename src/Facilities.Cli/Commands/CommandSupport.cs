using Facilities.Application;
using Facilities.Core.Norms;

namespace Facilities.Cli.Commands;

/// <summary>Pieces several result commands share: norms loading and result stamps.</summary>
internal static class CommandSupport
{
    public static NormsSet LoadNorms(FileInfo? file) => NormsFile.Load(file?.FullName);

    /// <summary>The dataset at <paramref name="location"/> (a GeoPackage or a PostgreSQL location) with the norms file, if any: what a result command runs on.</summary>
    public static DatasetContext Context(string location, FileInfo? norms) => new(DatasetLocation.Open(location), LoadNorms(norms));

    /// <summary>The catchment method's options from --capacity-limited and --grid-m (10..5000 m).</summary>
    public static Core.Catchment.CatchmentOptions Catchment(Ui u, bool capacityLimited, double gridMetres) => gridMetres is < 10 or > 5000
        ? throw new ArgumentException(u.T("--grid-m phải trong 10..5000.", "--grid-m must be 10..5000."))
        : new() { CapacityLimited = capacityLimited, GridSpacingMetres = gridMetres };

    /// <summary>Prints a computation's warnings (the city's, then the result's own) in the user's language.</summary>
    public static void Warn(Ui u, IEnumerable<Core.Validation.LocalizedText> warnings)
    {
        foreach (var w in warnings)
        {
            u.Err.WriteLine(u.T("cảnh báo: ", "warning: ") + w.In(u.Language));
        }
    }

    /// <summary>
    /// The output's extension (.csv, .xlsx or .gpkg), after refusing any other format and an output that is the
    /// dataset itself.
    /// </summary>
    public static string ResultFormat(Ui u, string dataset, string output)
    {
        var ext = Path.GetExtension(output).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx" or ".gpkg"))
        {
            throw new ArgumentException(u.T($"định dạng '{ext}' không hỗ trợ; dùng .csv, .xlsx hoặc .gpkg.", $"output format '{ext}' is not supported; use .csv, .xlsx or .gpkg."));
        }

        CheckOutput(u, dataset, output);
        return ext;
    }

    /// <summary>Refuses to write a result over the dataset it is computed from.</summary>
    public static void CheckOutput(Ui u, string dataset, string output)
    {
        if (!DatasetLocation.IsDatabase(dataset) && string.Equals(Path.GetFullPath(dataset), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new ArgumentException(u.T(
                "--out trùng với bộ dữ liệu: kết quả sẽ ghi đè dữ liệu gốc. Hãy chọn tệp khác.",
                "--out is the dataset itself: the result would replace the data. Choose another file."));
        }
    }

    /// <summary>Version and commit of the tool ("0.1.0+1a2b3c4d5e6f").</summary>
    public static string ToolVersion => Application.ToolVersion.Value;
}
