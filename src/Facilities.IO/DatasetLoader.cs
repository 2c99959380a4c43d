using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.IO.Store;

namespace Facilities.IO;

/// <summary>Reads a dataset's layers into a <see cref="CityModel"/>.</summary>
public static class DatasetLoader
{
    /// <summary>Loads the city; the dataset must have a wards layer.</summary>
    public static CityModel LoadCity(string path, NormsSet norms)
    {
        var wards = GeoPackageDataset.ReadLayer(path, "wards")
            ?? throw new DataFileException("layer-absent", Path.GetFileName(path), "wards",
                "bộ dữ liệu chưa có lớp wards (phường/xã); hãy nhập trước.", "the dataset has no wards layer; import it first.");
        return CityModel.FromLayers(
            wards,
            GeoPackageDataset.ReadLayer(path, "schools"),
            GeoPackageDataset.ReadLayer(path, "urban_areas"),
            GeoPackageDataset.ReadLayer(path, "industrial_zones"),
            norms["dependants_per_worker"]);
    }
}
