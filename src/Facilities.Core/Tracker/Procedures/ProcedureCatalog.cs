namespace Facilities.Core.Tracker.Procedures;

/// <summary>
/// The procedures a school site goes through, as data (Tracker/Procedures/procedures.vn.json, embedded): versioned,
/// each limit with its source and status. A province file layered on with <see cref="WithOverrides"/> adds procedures
/// or replaces them by code, without a rebuild (<c>--procedures FILE</c>).
/// </summary>
public sealed class ProcedureCatalog
{
    internal ProcedureCatalog(string version, string sha256, IReadOnlyList<ProcedureDefinition> procedures, IReadOnlyList<string> readyToBuild)
    {
        Version = version;
        Sha256 = sha256;
        Procedures = procedures;
        ReadyToBuild = readyToBuild;
    }

    /// <summary>The certificate procedure's code: its events are the tracker's GCN history.</summary>
    public const string Gcn = "gcn";

    /// <summary>Version label (the province file's when one is layered on).</summary>
    public string Version { get; }

    /// <summary>SHA-256 of the file text(s), for stamps.</summary>
    public string Sha256 { get; }

    /// <summary>The procedures in chain order.</summary>
    public IReadOnlyList<ProcedureDefinition> Procedures { get; }

    /// <summary>The procedures whose end makes a site ready to build (with everything they require).</summary>
    public IReadOnlyList<string> ReadyToBuild { get; }

    /// <summary>The ready-to-build procedures and everything they require, transitively.</summary>
    public IReadOnlySet<string> NeededToBuild
    {
        get
        {
            var needed = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(ReadyToBuild);
            while (queue.TryDequeue(out var code))
            {
                if (needed.Add(code))
                {
                    foreach (var r in Find(code)!.Requires)
                    {
                        queue.Enqueue(r);
                    }
                }
            }

            return needed;
        }
    }

    /// <summary>The national defaults.</summary>
    public static ProcedureCatalog BuiltIn { get; } = ProcedureCatalogReader.Read(BuiltInText, "built-in procedures", null);

    /// <summary>The built-in file's text, to copy as a starting point.</summary>
    public static string BuiltInText
    {
        get
        {
            using var stream = typeof(ProcedureCatalog).Assembly.GetManifestResourceStream("Facilities.Core.procedures.vn.json")
                ?? throw new InvalidOperationException("built-in procedures resource is missing");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The procedure with this code, or null.</summary>
    public ProcedureDefinition? Find(string? code) => Procedures.FirstOrDefault(p => p.Code == code);

    /// <summary>Parses a complete file; throws <see cref="FormatException"/> naming the file and entry.</summary>
    public static ProcedureCatalog Parse(string json, string sourceName) => ProcedureCatalogReader.Read(json, sourceName, null);

    /// <summary>This catalog with a province file layered on (procedures added or replaced by code; its version).</summary>
    public ProcedureCatalog WithOverrides(string json, string sourceName) => ProcedureCatalogReader.Read(json, sourceName, this);
}
