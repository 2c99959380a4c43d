using Facilities.Core.Optimisation;

namespace Facilities.Core.Programme;

/// <summary>An exact solver of the programme model (the MIP lives in Facilities.Optimisation.OrTools, outside Core).</summary>
public interface IProgrammeSolver
{
    /// <summary>Name and version, for the stamp.</summary>
    string Name { get; }

    /// <summary>The programme minimising weighted unmet pupil-years within the budget and the equity rule.</summary>
    /// <param name="instance">The problem.</param>
    /// <param name="limits">Time limit, gap and threads.</param>
    /// <param name="hint">A feasible programme to start from (the greedy one), or null.</param>
    ProgrammeSolution Solve(ProgrammeInstance instance, SolverLimits limits, IReadOnlyList<int?>? hint);
}
