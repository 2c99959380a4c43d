namespace Facilities.Core.Catchment;

/// <summary>
/// Demand points in flat arrays (x = easting first, metres): where pupils live, which ward, which service radius.
/// </summary>
public sealed class DemandPoints
{
    /// <summary>Creates the arrays for <paramref name="count"/> points.</summary>
    public DemandPoints(int count)
    {
        X = new double[count];
        Y = new double[count];
        Ward = new int[count];
        Urban = new bool[count];
        RadiusClass = new int[count];
    }

    /// <summary>Eastings, metres.</summary>
    public double[] X { get; }

    /// <summary>Northings, metres.</summary>
    public double[] Y { get; }

    /// <summary>Index of the ward (in <c>CityModel.Wards</c>) each point belongs to.</summary>
    public int[] Ward { get; }

    /// <summary>Whether the point is in a phường (urban radius) rather than a xã or đặc khu.</summary>
    public bool[] Urban { get; }

    /// <summary>
    /// Which service radius applies, by the point's ward type: 0 xã (<c>.rural</c>), 1 phường (<c>.urban</c>),
    /// 2 đặc khu (<c>.dac_khu</c>); an index into <see cref="CatchmentInputs.RadiusMetres"/>.
    /// </summary>
    public int[] RadiusClass { get; }

    /// <summary>Number of points.</summary>
    public int Count => X.Length;
}
