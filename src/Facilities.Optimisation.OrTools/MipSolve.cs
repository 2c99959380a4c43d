using Facilities.Core.Optimisation;
using Google.OrTools.LinearSolver;

namespace Facilities.Optimisation.OrTools;

/// <summary>
/// One MIP solve under the caller's limits (time, threads, relative gap): the siting, joint and programme models
/// stop on the same rules, so the figures their dossiers report mean the same thing.
/// </summary>
internal static class MipSolve
{
    /// <summary>Applies <paramref name="limits"/> to <paramref name="solver"/> and solves.</summary>
    public static Solver.ResultStatus Run(Solver solver, SolverLimits limits)
    {
        solver.SetTimeLimit((long)Math.Max(1, limits.TimeLimit.TotalMilliseconds));
        if (limits.Threads > 0)
        {
            solver.SetNumThreads(limits.Threads);
        }

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, limits.RelativeGap);
        return solver.Solve(parameters);
    }
}
