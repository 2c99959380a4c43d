using System.Security.Cryptography;
using System.Text;

namespace Facilities.Core.Provenance;

/// <summary>
/// What a result was computed from, so an official can check it and anyone can reproduce it: the dataset's
/// hash, the norms' version and hash, the options and the tool version. Every output carries one.
/// </summary>
/// <param name="Tool">Tool name and version, e.g. "facilities 0.1.0".</param>
/// <param name="Computation">What was computed, e.g. "deficit".</param>
/// <param name="DatasetFile">Dataset file name.</param>
/// <param name="DatasetSha256">SHA-256 of the dataset file's bytes.</param>
/// <param name="NormsVersion">Version of the norms used.</param>
/// <param name="NormsSha256">SHA-256 of the norms text.</param>
/// <param name="Options">Options as key=value text.</param>
/// <param name="UnconfirmedNorms">Keys of unconfirmed norms the result depends on.</param>
public sealed record ResultStamp(
    string Tool, string Computation, string DatasetFile, string DatasetSha256, string NormsVersion, string NormsSha256, string Options,
    IReadOnlyList<string> UnconfirmedNorms)
{
    /// <summary>Warnings about the inputs the result could not account for (English), part of the stamp.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Short id of the stamp (first 16 hex of its SHA-256), carried on every row of tabular outputs.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Lines().Select(l => l.Key + "=" + l.Value)))))[..16];

    /// <summary>The stamp as ordered key/value lines.</summary>
    public IReadOnlyList<(string Key, string Value)> Lines() =>
    [
        ("tool", Tool),
        ("computation", Computation),
        ("dataset", DatasetFile),
        ("dataset_sha256", DatasetSha256),
        ("norms_version", NormsVersion),
        ("norms_sha256", NormsSha256),
        ("options", Options),
        ("unconfirmed_norms", UnconfirmedNorms.Count == 0 ? "none" : string.Join(", ", UnconfirmedNorms)),
        .. Warnings.Select((w, i) => ($"warning_{i + 1}", w)),
    ];
}
