namespace Facilities.Core.Catchment;

/// <summary>
/// E2SFCA scores and the allocation of pupils to schools that conserves them.
/// </summary>
/// <remarks>
/// Step 1 (Luo &amp; Qi 2009): R_j = capacity_j ÷ Σ_i demand_i W_ij, the places per competing pupil at school j.
/// Step 2: A_i = Σ_j R_j W_ij, the accessibility of point i. Allocation: point i sends its pupils to the schools it
/// reaches in proportion to W_ij R_j. Capacity-limited: a school offered more than its free places accepts the same
/// share of every offer; what it turns away is offered again to schools with free places, until nothing moves;
/// what is left is unserved. So every pupil ends allocated or unserved: in = allocated + unserved.
/// </remarks>
public static class E2sfcaAllocator
{
    private const double Epsilon = 1e-9;

    /// <summary>Scores and allocates.</summary>
    /// <param name="links">Point–school links with decay weights.</param>
    /// <param name="demand">Pupils at each point.</param>
    /// <param name="capacity">Places at each school.</param>
    /// <param name="capacityLimited">Never allocate a school beyond its capacity.</param>
    /// <param name="maxIterations">Rounds of re-offering turned-away pupils.</param>
    public static Allocation Allocate(CatchmentLinks links, double[] demand, double[] capacity, bool capacityLimited, int maxIterations)
    {
        var n = demand.Length;
        var competing = new double[links.SchoolCount];
        for (var i = 0; i < n; i++)
        {
            for (var k = links.Start[i]; k < links.Start[i + 1]; k++)
            {
                competing[links.School[k]] += demand[i] * links.Weight[k];
            }
        }

        var ratio = new double[links.SchoolCount];
        for (var j = 0; j < ratio.Length; j++)
        {
            ratio[j] = competing[j] > 0 ? capacity[j] / competing[j] : 0;
        }

        var accessibility = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var k = links.Start[i]; k < links.Start[i + 1]; k++)
            {
                accessibility[i] += ratio[links.School[k]] * links.Weight[k];
            }
        }

        var residual = (double[])demand.Clone();
        var load = new double[links.SchoolCount];
        var free = (double[])capacity.Clone();
        var offers = new double[links.Weight.Length];
        var offered = new double[links.SchoolCount];
        for (var round = 0; round < (capacityLimited ? maxIterations : 1); round++)
        {
            Array.Clear(offered);
            var moving = false;
            for (var i = 0; i < n; i++)
            {
                double total = 0;
                for (var k = links.Start[i]; k < links.Start[i + 1]; k++)
                {
                    var j = links.School[k];
                    total += !capacityLimited || free[j] > Epsilon ? links.Weight[k] * ratio[j] : 0;
                }

                for (var k = links.Start[i]; k < links.Start[i + 1]; k++)
                {
                    var j = links.School[k];
                    var share = total > 0 && residual[i] > Epsilon && (!capacityLimited || free[j] > Epsilon)
                        ? residual[i] * links.Weight[k] * ratio[j] / total
                        : 0;
                    offers[k] = share;
                    offered[j] += share;
                    moving |= share > 0;
                }
            }

            if (!moving)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                for (var k = links.Start[i]; k < links.Start[i + 1]; k++)
                {
                    if (offers[k] == 0)
                    {
                        continue;
                    }

                    var j = links.School[k];
                    var accepted = capacityLimited && offered[j] > free[j] ? offers[k] * free[j] / offered[j] : offers[k];
                    residual[i] -= accepted;
                    load[j] += accepted;
                }
            }

            if (capacityLimited)
            {
                for (var j = 0; j < free.Length; j++)
                {
                    free[j] = offered[j] > 0 ? Math.Max(0, free[j] - Math.Min(offered[j], free[j])) : free[j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            residual[i] = Math.Max(0, residual[i]);
        }

        return new Allocation(load, residual, accessibility);
    }

    /// <summary>What the allocation gives.</summary>
    /// <param name="Load">Pupils allocated to each school.</param>
    /// <param name="Unserved">Pupils at each point no school took.</param>
    /// <param name="Accessibility">E2SFCA accessibility of each point (places per pupil).</param>
    public sealed record Allocation(double[] Load, double[] Unserved, double[] Accessibility);
}
