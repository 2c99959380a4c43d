namespace Facilities.Core.Generation;

/// <summary>Size and seed of a generated city. The same options always give the same city.</summary>
public sealed record SampleCityOptions
{
    /// <summary>Random seed.</summary>
    public int Seed { get; init; } = 20250701;

    /// <summary>Number of wards (communes and wards).</summary>
    public int Wards { get; init; } = 12;

    /// <summary>Number of land parcels.</summary>
    public int Parcels { get; init; } = 3000;

    /// <summary>City width, east–west, in metres.</summary>
    public double WidthMetres { get; init; } = 16_000;

    /// <summary>City height, north–south, in metres.</summary>
    public double HeightMetres { get; init; } = 12_000;

    /// <summary>Longitude of the south-west corner, degrees (default near Hải Phòng).</summary>
    public double OriginLon { get; init; } = 106.58;

    /// <summary>Latitude of the south-west corner, degrees.</summary>
    public double OriginLat { get; init; } = 20.78;
}
