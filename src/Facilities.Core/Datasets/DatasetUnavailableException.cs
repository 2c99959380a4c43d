namespace Facilities.Core.Datasets;

/// <summary>
/// A dataset store that cannot be reached or used, with a one-line message in both languages that says how to fix
/// it: what hosts print instead of a stack trace.
/// </summary>
public sealed class DatasetUnavailableException : Exception
{
    /// <summary>A failure of kind <paramref name="problem"/>.</summary>
    public DatasetUnavailableException(DatasetProblem problem, string vi, string en, Exception? inner = null)
        : base(en, inner)
    {
        Problem = problem;
        Vi = vi;
        En = en;
    }

    /// <summary>What went wrong.</summary>
    public DatasetProblem Problem { get; }

    /// <summary>The message in Vietnamese, with the fix.</summary>
    public string Vi { get; }

    /// <summary>The message in English, with the fix.</summary>
    public string En { get; }
}
