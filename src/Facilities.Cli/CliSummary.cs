using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Facilities.Core.Provenance;
using Facilities.Core.Validation;

namespace Facilities.Cli;

/// <summary>
/// The <c>--json</c> summary of a command (schema in docs/cli.md "In pipelines"): one JSON object on one line with
/// <c>schema</c>, <c>command</c>, <c>ok</c>, <c>stamp</c> (a result's provenance, null for info and validate),
/// <c>totals</c>, <c>warnings</c> (each in both languages) and <c>output</c> (the file written, "-" for stdout, null).
/// </summary>
internal static class CliSummary
{
    /// <summary>The schema's name and version; a change to the keys bumps it.</summary>
    public const string Schema = "facilities.summary/1";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the summary when the run asked for --json; does nothing otherwise.</summary>
    public static void Write(Ui u, string command, bool ok, ResultStamp? stamp, JsonObject totals, IEnumerable<LocalizedText> warnings, string? output)
    {
        if (!u.Mode.Json)
        {
            return;
        }

        JsonObject? stampJson = null;
        if (stamp is not null)
        {
            stampJson = new JsonObject { ["stamp_id"] = stamp.Id };
            foreach (var (k, v) in stamp.Lines())
            {
                stampJson[k] = v;
            }

            stampJson["unconfirmed_norms"] = new JsonArray([.. stamp.UnconfirmedNorms.Select(n => JsonValue.Create(n))]);
        }

        var body = new JsonObject
        {
            ["schema"] = Schema,
            ["command"] = command,
            ["ok"] = ok,
            ["stamp"] = stampJson,
            ["totals"] = totals,
            ["warnings"] = new JsonArray([.. warnings.Select(w => new JsonObject { ["vi"] = w.Vi, ["en"] = w.En })]),
            ["output"] = output,
        };
        u.SummaryOut.WriteLine(body.ToJsonString(Options));
        u.SummaryOut.Flush();
    }
}
