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
/// Beyond reach: a point that reaches no school within its radius sends its pupils to its nearest school
/// (<see cref="CatchmentLinks.Nearest"/>) after the rounds, into the seats left (capacity-limited) or all of them;
/// they still count as unserved (no school within the norm), and the school's load includes them, so an enrolled
/// pupil is never left out of the loads because the norm radius is short.
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

        var beyond = new double[n];
        var far = new double[n];
        var asked = new double[links.SchoolCount];
        for (var i = 0; i < n; i++)
        {
            residual[i] = Math.Max(0, residual[i]);
            if (links.Start[i] == links.Start[i + 1])
            {
                beyond[i] = residual[i];
                if (links.Nearest[i] >= 0)
                {
                    asked[links.Nearest[i]] += residual[i];
                }
            }
        }

        // POLICY: pupils beyond reach come after those within it, so they take only seats nobody near wanted.
        for (var i = 0; i < n; i++)
        {
            var j = links.Nearest[i];
            if (j < 0 || beyond[i] <= 0)
            {
                continue;
            }

            var room = capacityLimited ? Math.Max(0, capacity[j] - load[j]) : double.MaxValue;
            far[i] = asked[j] > room ? beyond[i] * room / asked[j] : beyond[i];
        }

        for (var i = 0; i < n; i++)
        {
            if (far[i] > 0)
            {
                load[links.Nearest[i]] += far[i];
            }
        }

        return new Allocation(load, residual, accessibility, beyond, far);
    }

    /// <summary>What the allocation gives.</summary>
    /// <param name="Load">Pupils allocated to each school.</param>
    /// <param name="Unserved">Pupils at each point without a seat within the service radius: beyond reach, or turned away (capacity-limited).</param>
    /// <param name="Accessibility">E2SFCA accessibility of each point (places per pupil).</param>
    /// <param name="BeyondReach">Pupils at each point with no school of the level within the service radius.</param>
    /// <param name="FarAssigned">Of those, pupils seated at the nearest school anyway (in its load).</param>
    public sealed record Allocation(double[] Load, double[] Unserved, double[] Accessibility, double[] BeyondReach, double[] FarAssigned);
}
