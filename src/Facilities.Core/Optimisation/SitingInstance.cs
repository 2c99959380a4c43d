namespace Facilities.Core.Optimisation;

/// <summary>
/// A siting problem in a metric CRS: demand points with pupils, candidate sites, the service radius and how many
/// sites to choose. Plain arrays (x = easting first), so solvers and benchmarks build it without geometries.
/// </summary>
public sealed class SitingInstance
{
    private CoverageSets? _coverage;

    /// <summary>Creates and checks an instance.</summary>
    /// <param name="demandX">Demand eastings, m.</param>
    /// <param name="demandY">Demand northings, m.</param>
    /// <param name="weight">Pupils at each demand point (≥ 0).</param>
    /// <param name="candidateX">Candidate eastings, m.</param>
    /// <param name="candidateY">Candidate northings, m.</param>
    /// <param name="radiusMetres">Service radius: a point is covered by a site within this distance.</param>
    /// <param name="p">Sites to choose (1 ≤ p ≤ candidates).</param>
    public SitingInstance(double[] demandX, double[] demandY, double[] weight, double[] candidateX, double[] candidateY, double radiusMetres, int p)
    {
        if (demandY.Length != demandX.Length || weight.Length != demandX.Length)
        {
            throw new ArgumentException("demand arrays differ in length");
        }

        if (candidateY.Length != candidateX.Length)
        {
            throw new ArgumentException("candidate arrays differ in length");
        }

        if (p < 1 || p > candidateX.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"sites to choose must be between 1 and the {candidateX.Length} candidates");
        }

        if (!(radiusMetres > 0) || double.IsInfinity(radiusMetres))
        {
            throw new ArgumentOutOfRangeException(nameof(radiusMetres), radiusMetres, "the service radius must be a positive number of metres");
        }

        if (weight.Any(w => !(w >= 0) || double.IsInfinity(w)))
        {
            throw new ArgumentException("pupils at a demand point must be a finite number ≥ 0");
        }

        DemandX = demandX;
        DemandY = demandY;
        Weight = weight;
        CandidateX = candidateX;
        CandidateY = candidateY;
        RadiusMetres = radiusMetres;
        P = p;
    }

    /// <summary>Demand eastings, m.</summary>
    public double[] DemandX { get; }

    /// <summary>Demand northings, m.</summary>
    public double[] DemandY { get; }

    /// <summary>Pupils at each demand point.</summary>
    public double[] Weight { get; }

    /// <summary>Candidate eastings, m.</summary>
    public double[] CandidateX { get; }

    /// <summary>Candidate northings, m.</summary>
    public double[] CandidateY { get; }

    /// <summary>Service radius, m.</summary>
    public double RadiusMetres { get; }

    /// <summary>Sites to choose.</summary>
    public int P { get; }

    /// <summary>Number of demand points.</summary>
    public int DemandCount => DemandX.Length;

    /// <summary>Number of candidate sites.</summary>
    public int CandidateCount => CandidateX.Length;

    /// <summary>Total pupils.</summary>
    public double TotalWeight => Weight.Sum();

    /// <summary>Which candidates cover which points (computed once, on first use).</summary>
    public CoverageSets Coverage => _coverage ??= CoverageSets.Build(this);

    /// <summary>Straight-line distance from demand point <paramref name="i"/> to candidate <paramref name="j"/>, m.</summary>
    public double Distance(int i, int j)
    {
        var dx = DemandX[i] - CandidateX[j];
        var dy = DemandY[i] - CandidateY[j];
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>The same demand and candidates with another number of sites to choose.</summary>
    public SitingInstance WithP(int p) => new(DemandX, DemandY, Weight, CandidateX, CandidateY, RadiusMetres, p) { _coverage = _coverage };
}
