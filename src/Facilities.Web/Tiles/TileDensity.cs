using System.Runtime.InteropServices;

namespace Facilities.Web.Tiles;

/// <summary>
/// Parcels counted by the XYZ tile their centre falls in, at <see cref="ParcelIndex.DensityZoom"/> and every zoom
/// above: what decides the first zoom a tile carries parcels at (<see cref="ParcelTiles.MinZoom"/>).
/// </summary>
internal sealed class TileDensity
{
    private readonly Dictionary<(int X, int Y), int> _bins = [];

    /// <summary>Counts a parcel whose centre is at <paramref name="lon"/>, <paramref name="lat"/> (EPSG:4326).</summary>
    public void Add(double lon, double lat)
    {
        var bin = (ParcelIndex.TileX(lon, ParcelIndex.DensityZoom), ParcelIndex.TileY(lat, ParcelIndex.DensityZoom));
        CollectionsMarshal.GetValueRefOrAddDefault(_bins, bin, out _)++;
    }

    /// <summary>Parcels in the densest tile of each zoom 0..<see cref="ParcelIndex.DensityZoom"/>.</summary>
    public int[] Densest()
    {
        var bins = _bins;
        var densest = new int[ParcelIndex.DensityZoom + 1];
        for (var z = ParcelIndex.DensityZoom; z >= 0; z--)
        {
            densest[z] = bins.Count == 0 ? 0 : bins.Values.Max();
            bins = bins.GroupBy(b => (b.Key.X >> 1, b.Key.Y >> 1)).ToDictionary(g => g.Key, g => g.Sum(b => b.Value));
        }

        return densest;
    }
}
