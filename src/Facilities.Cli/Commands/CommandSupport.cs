using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.IO;
using Facilities.IO.Readers;
using Facilities.IO.Store;

namespace Facilities.Cli.Commands;

/// <summary>Pieces several result commands share: norms loading and result stamps.</summary>
internal static class CommandSupport
{
    public static NormsSet LoadNorms(FileInfo? file)
    {
        if (file is null)
        {
            return NormsSet.BuiltIn;
        }

        var text = TextFileCheck.ReadUtf8(file.FullName, null);
        try
        {
            return NormsSet.BuiltIn.With(NormsSet.Parse(text, file.Name));
        }
        catch (FormatException e)
        {
            throw new DataFileException("norms-invalid", file.Name, null, e.Message, e.Message, e);
        }
    }

    public static ResultStamp Stamp(string dataset, NormsSet norms, string options, IReadOnlyList<string> unconfirmed, string computation = "deficit") =>
        new($"facilities {typeof(CommandSupport).Assembly.GetName().Version?.ToString(3)}", computation,
            Path.GetFileName(dataset), GeoPackageDataset.Hash(dataset), norms.Version, norms.Sha256, options, [.. unconfirmed.Distinct().Order(StringComparer.Ordinal)]);
}
