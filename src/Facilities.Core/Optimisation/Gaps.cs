namespace Facilities.Core.Optimisation;

/// <summary>The optimality gap, defined once for reports and tests.</summary>
public static class Gaps
{
    /// <summary>|bound − objective| ÷ |objective|; 0 when both are 0; NaN when either is unknown; +∞ for a zero objective under a non-zero bound.</summary>
    public static double Relative(double objective, double bound)
    {
        if (double.IsNaN(objective) || double.IsNaN(bound))
        {
            return double.NaN;
        }

        var diff = Math.Abs(bound - objective);
        // Tolerance for float noise in the solver's bound.
        if (diff <= 1e-9 * Math.Max(1, Math.Abs(objective)))
        {
            return 0;
        }

        return objective == 0 ? double.PositiveInfinity : diff / Math.Abs(objective);
    }
}
