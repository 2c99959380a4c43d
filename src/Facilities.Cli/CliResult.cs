using System.Text.Json.Nodes;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;

namespace Facilities.Cli;

/// <summary>The end of every result command: the result to stdout with --out -, the norms note, "Wrote …" and the --json summary.</summary>
internal static class CliResult
{
    public static void Finish(Ui u, string command, ResultStamp stamp, ResultTarget target, JsonObject totals, IEnumerable<LocalizedText> warnings)
    {
        target.Emit();
        Wrote(u, stamp, target.Shown);
        CliSummary.Write(u, command, true, stamp, totals, warnings, target.Shown);
    }

    /// <summary>The unconfirmed-norms note and "Wrote …": what every result command says when its files are written.</summary>
    public static void Wrote(Ui u, ResultStamp stamp, string shown)
    {
        if (stamp.UnconfirmedNorms.Count > 0)
        {
            u.Err.WriteLine(u.T(
                $"lưu ý: kết quả dùng định mức CHƯA XÁC NHẬN (mặc định, có thể thay bằng --norms): {string.Join(", ", stamp.UnconfirmedNorms)}",
                $"note: the result uses UNCONFIRMED norms (defaults, replace with --norms): {string.Join(", ", stamp.UnconfirmedNorms)}"));
        }

        u.Out.WriteLine(u.T($"Đã ghi {shown} (dấu kiểm {stamp.Id}).", $"Wrote {shown} (stamp {stamp.Id})."));
    }

    /// <summary>A totals object from (key, value) pairs, in order.</summary>
    public static JsonObject Totals(IEnumerable<(string Key, JsonNode? Value)> pairs)
    {
        var o = new JsonObject();
        foreach (var (k, v) in pairs)
        {
            o[k] = v;
        }

        return o;
    }
}
