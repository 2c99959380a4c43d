namespace Facilities.Core.Import;

/// <summary>Progress of a long piece of work, for a progress bar.</summary>
/// <param name="Stage">Short stage key: "convert", "write", "generate".</param>
/// <param name="Done">Items done.</param>
/// <param name="Total">Items in all.</param>
public readonly record struct WorkProgress(string Stage, long Done, long Total);
