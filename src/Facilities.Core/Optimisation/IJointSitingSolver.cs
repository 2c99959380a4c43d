namespace Facilities.Core.Optimisation;

/// <summary>An exact solver of the joint siting model (several levels sharing the candidate sites).</summary>
public interface IJointSitingSolver
{
    /// <summary>Name for reports.</summary>
    string Name { get; }

    /// <summary>
    /// Solves <paramref name="instance"/>; never throws for a solver failure (the status says so). <paramref name="hint"/>
    /// is a feasible solution (option indices) to start from, e.g. the sequential run's.
    /// </summary>
    JointSitingSolution SolveJoint(JointSitingInstance instance, SolverLimits limits, IReadOnlyList<int>? hint = null);
}
