namespace Facilities.Core.Proposals;

/// <summary>Something a planner must know about a level's proposal, in Vietnamese and English.</summary>
/// <param name="Vi">Vietnamese.</param>
/// <param name="En">English.</param>
public sealed record ProposalNote(string Vi, string En);
