namespace Facilities.Core.Catchment;

/// <summary>
/// The Gaussian distance decay of the Gaussian two-step floating catchment area method: full weight at the door,
/// falling to zero at the service radius, none beyond.
/// </summary>
/// <remarks>
/// W(d) = (exp(−½ (d/d0)²) − exp(−½)) / (1 − exp(−½)) for d ≤ d0, else 0. Dai, D. (2010) "Black residential
/// segregation, disparities in spatial access to health care facilities, and late-stage breast cancer diagnosis in
/// metropolitan Detroit", Health &amp; Place 16(5); the enhanced 2SFCA framework is Luo &amp; Qi (2009), Health &amp; Place 15(4).
/// </remarks>
public static class DistanceDecay
{
    private static readonly double TailValue = Math.Exp(-0.5);

    /// <summary>Weight in [0, 1] of a school at <paramref name="distanceMetres"/> for a radius <paramref name="radiusMetres"/>.</summary>
    public static double Gaussian(double distanceMetres, double radiusMetres)
    {
        if (distanceMetres > radiusMetres)
        {
            return 0;
        }

        var r = distanceMetres / radiusMetres;
        return (Math.Exp(-0.5 * r * r) - TailValue) / (1 - TailValue);
    }
}
