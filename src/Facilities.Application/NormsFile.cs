using Facilities.Core.Norms;
using Facilities.Formats;
using Facilities.Formats.Readers;

namespace Facilities.Application;

/// <summary>The norms a run computes with: the built-in national norms, with a province file layered on when one is given.</summary>
public static class NormsFile
{
    /// <summary>
    /// The built-in norms, or those of <paramref name="path"/> layered on them; a file that is not valid norms is a
    /// <see cref="DataFileException"/> (norms-invalid) naming the file once.
    /// </summary>
    public static NormsSet Load(string? path)
    {
        if (path is null)
        {
            return NormsSet.BuiltIn;
        }

        var name = Path.GetFileName(path);
        var text = TextFileCheck.ReadUtf8(path, null);
        try
        {
            return NormsSet.BuiltIn.With(NormsSet.Parse(text, name));
        }
        catch (FormatException e)
        {
            // The parser names the file; the issue names it already, so the detail starts after it.
            var detail = e.Message.StartsWith(name + ": ", StringComparison.Ordinal) ? e.Message[(name.Length + 2)..] : e.Message;
            throw new DataFileException("norms-invalid", name, null, "tệp định mức không hợp lệ: " + detail, "not a valid norms file: " + detail, e);
        }
    }
}
