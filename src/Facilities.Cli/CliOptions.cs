using System.CommandLine;
using Facilities.Core.Spatial;

namespace Facilities.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    public static Option<string?> Crs(string description) => new("--crs")
    {
        Description = description,
        HelpName = "EPSG:n",
        Validators =
        {
            r =>
            {
                var v = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
                if (v is null)
                {
                    return;
                }

                try
                {
                    CrsRegistry.Parse(v);
                }
                catch (ArgumentException e)
                {
                    r.AddError(e.Message);
                }
            },
        },
    };

    public static Option<string> Layer(bool required) => new("--layer")
    {
        Description = "Lớp / layer: wards, schools, urban_areas, industrial_zones, parcels",
        Required = required,
        Validators =
        {
            r =>
            {
                var v = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
                if (v is not null && Facilities.Core.Schema.DatasetSchema.Find(v) is null)
                {
                    r.AddError($"unknown layer '{v}'; layers are wards, schools, urban_areas, industrial_zones, parcels");
                }
            },
        },
    };

    /// <summary>
    /// The dataset argument: a GeoPackage path or a PostgreSQL location (docs/cli.md, "Dataset locations"), opened by
    /// <see cref="Facilities.Application.DatasetLocation"/>.
    /// </summary>
    public static Argument<string> Dataset() => new("dataset")
    {
        Description = "Bộ dữ liệu / dataset: tệp .gpkg, hoặc PostgreSQL \"Host=…;Database=…;Schema=…\", \"host=… dbname=…\", postgresql://…",
    };

    public static Option<int> Year() => new("--year") { Description = "Năm mục tiêu / target year", Required = true };

    public static Option<FileInfo?> Norms() => new("--norms")
    {
        Description = "Tệp định mức của tỉnh / province norms file (JSON over the built-in national defaults; docs/deficit.md)",
    };
}
