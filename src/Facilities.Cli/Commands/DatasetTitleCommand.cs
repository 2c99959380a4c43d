using Facilities.Application;
using Facilities.Storage.Sqlite;

namespace Facilities.Cli.Commands;

/// <summary><c>facilities info &lt;dataset&gt; --set-title "…"</c>: names the dataset for report maps and the web app.</summary>
internal static class DatasetTitleCommand
{
    /// <summary>Sets the title and says so; an empty title is a usage error.</summary>
    public static int Set(Ui u, string path, string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            u.Err.WriteLine(u.T("--set-title cần một tiêu đề không trống.", "--set-title needs a non-empty title."));
            return ExitCodes.Usage;
        }

        if (DatasetLocation.IsDatabase(path))
        {
            // A PostGIS dataset: the title is one metadata entry, set through the port (Describe first, so a missing
            // schema is the store's own one-line error rather than a new empty dataset).
            var store = DatasetLocation.Open(path);
            _ = store.Describe();
            store.ReplaceLayers([], new Dictionary<string, string> { [DatasetTitle.Key] = title.Trim() });
        }
        else
        {
            DatasetTitle.Set(path, title);
        }

        u.Out.WriteLine(u.T($"Đã đặt tiêu đề: {title.Trim()}", $"Title set: {title.Trim()}"));
        return ExitCodes.Ok;
    }
}
