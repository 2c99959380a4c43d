namespace Facilities.Core.Optimisation;

/// <summary>
/// An exact solver of the siting models. Core defines it and stays free of solver libraries; the OR-Tools
/// implementation lives in Facilities.Optimisation.OrTools.
/// </summary>
public interface ISitingSolver
{
    /// <summary>Name for reports, e.g. "OR-Tools 9.15 SCIP".</summary>
    string Name { get; }

    /// <summary>Solves <paramref name="instance"/> under <paramref name="model"/>; never throws for a solver failure (status says so).</summary>
    SitingSolution Solve(SitingInstance instance, SitingModel model, SolverLimits limits);
}
