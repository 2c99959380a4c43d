using Facilities.Core.Model;
using NetTopologySuite.Geometries;

namespace Facilities.Core.Screening;

/// <summary>
/// What screenings learn about a held parcel that no screening option changes, kept by row with its
/// <see cref="ParcelTable"/>: the ward its centroid lies in, the three geometric tests (industrial zones, school sites,
/// width; their thresholds are norms, fixed for a dataset's context) and the width, plus the geometry of the rows
/// that reached the geometric tests (the ones that can pass). Filled lazily by the screenings that need a value;
/// two screenings may fill the same row at once, which is harmless (each value is one aligned write of the same
/// result).
/// </summary>
internal sealed class ParcelTableCache
{
    /// <summary>A test not run yet on the row.</summary>
    public const sbyte Unknown = 0;

    /// <summary>The test's answer is no.</summary>
    public const sbyte No = 1;

    /// <summary>The test's answer is yes.</summary>
    public const sbyte Yes = 2;

    private readonly CityModel _city;
    private readonly double _minWidth;
    private readonly double _minIndustrialDistance;

    public ParcelTableCache(int rows, CityModel city, double minWidth, double minIndustrialDistance)
    {
        (_city, _minWidth, _minIndustrialDistance) = (city, minWidth, minIndustrialDistance);
        NearIndustry = new sbyte[rows];
        OverlapsSchool = new sbyte[rows];
        WideEnough = new sbyte[rows];
        Ward = new int[rows];
        Width = new double[rows];
        Array.Fill(Width, double.NaN);
        Geometries = new Geometry?[rows];
    }

    /// <summary>Near an industrial zone, by row.</summary>
    public sbyte[] NearIndustry { get; }

    /// <summary>Overlaps a school site, by row.</summary>
    public sbyte[] OverlapsSchool { get; }

    /// <summary>At least the minimum width, by row.</summary>
    public sbyte[] WideEnough { get; }

    /// <summary>By row: 0 not located yet, 1 outside every ward, else the index into the city's wards plus 2.</summary>
    public int[] Ward { get; }

    /// <summary>Width (inscribed circle diameter), m, by row; NaN when not measured yet.</summary>
    public double[] Width { get; }

    /// <summary>The geometries of rows that reached the geometric tests.</summary>
    public Geometry?[] Geometries { get; }

    /// <summary>Bytes held in the arrays (the geometry objects not counted).</summary>
    public long ArrayBytes => NearIndustry.Length * (3L + 4 + 8 + 8);

    /// <summary>Whether these values hold for <paramref name="city"/> and these thresholds.</summary>
    public bool IsFor(CityModel city, double minWidth, double minIndustrialDistance) =>
        ReferenceEquals(city, _city) && minWidth.Equals(_minWidth) && minIndustrialDistance.Equals(_minIndustrialDistance);
}
