using Facilities.Core.Proposals;
using NetTopologySuite.Geometries;

namespace Facilities.Render;

/// <summary>One level on the proposal map.</summary>
/// <param name="Title">Panel title.</param>
/// <param name="RadiusM">Service radius, m (buffer and the circles around chosen sites).</param>
/// <param name="Candidates">Candidate site boundaries.</param>
/// <param name="Chosen">Chosen sites, by rank (index 0 = rank 1).</param>
/// <param name="Points">Demand points with the rank of their site (0: not covered).</param>
public sealed record ProposalMapPanel(string Title, double RadiusM, IReadOnlyList<Geometry> Candidates, IReadOnlyList<Geometry> Chosen, IReadOnlyList<ProposalPoint> Points);
