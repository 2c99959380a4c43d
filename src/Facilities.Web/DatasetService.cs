using System.Collections.Concurrent;
using System.Reflection;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.Core.Provenance;
using Facilities.IO;
using Facilities.IO.Readers;
using Facilities.IO.Store;

namespace Facilities.Web;

/// <summary>
/// The served dataset, loaded once: its layers (EPSG:4326 as stored), the city model, the norms, its hash, and the
/// JSON answers already computed (a result depends only on the file, the norms and the options, so the same request
/// gets the same bytes). Thread-safe; everything loads on first use.
/// </summary>
public sealed class DatasetService
{
    private readonly Lazy<string> _hash;
    private readonly Lazy<CityModel> _city;
    private readonly Lazy<HashSet<string>> _layerNames;
    private readonly ConcurrentDictionary<string, Lazy<FeatureLayer?>> _layers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _answerOrder = new();

    /// <summary>Opens the dataset at <paramref name="path"/> (checked to exist) with the norms file, if any.</summary>
    public DatasetService(string path, string? normsPath)
    {
        Path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"không tìm thấy bộ dữ liệu / dataset not found: {Path}", Path);
        }

        Norms = LoadNorms(normsPath);
        _hash = new Lazy<string>(() => GeoPackageDataset.Hash(Path));
        _city = new Lazy<CityModel>(() => DatasetLoader.LoadCity(Path, Norms));
        _layerNames = new Lazy<HashSet<string>>(() => [.. GeoPackageDataset.Describe(Path).Select(t => t.Table.Name)]);
    }

    /// <summary>Full path of the dataset.</summary>
    public string Path { get; }

    /// <summary>File name of the dataset.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The norms results are computed with.</summary>
    public NormsSet Norms { get; }

    /// <summary>SHA-256 of the dataset file (what results are stamped with).</summary>
    public string Sha256 => _hash.Value;

    /// <summary>The city model (without parcels).</summary>
    public CityModel City => _city.Value;

    /// <summary>Version of the tool ("0.1.0+commit"), as the CLI's result stamps carry it.</summary>
    public static string ToolVersion { get; } =
        typeof(DatasetService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Whether the dataset has a layer by this name.</summary>
    public bool HasLayer(string name) => _layerNames.Value.Contains(name);

    /// <summary>A layer as stored (EPSG:4326), or null when the dataset has none by that name.</summary>
    public FeatureLayer? Layer(string name) =>
        _layers.GetOrAdd(name, n => new Lazy<FeatureLayer?>(() => GeoPackageDataset.ReadLayer(Path, n))).Value;

    /// <summary>How many answers are kept: each distinct set of options (years, grids, top N…) is one.</summary>
    public const int MaxAnswers = 64;

    /// <summary>
    /// The answer for <paramref name="key"/>, computed once by <paramref name="compute"/> while it stays among the
    /// last <see cref="MaxAnswers"/> computed; a computation that fails is not kept, so the next request tries again.
    /// </summary>
    public byte[] Answer(string key, Func<byte[]> compute)
    {
        var answer = _answers.GetOrAdd(key, k =>
        {
            _answerOrder.Enqueue(k);
            return new Lazy<byte[]>(compute);
        });
        try
        {
            var bytes = answer.Value;
            // Oldest first; a key queued twice (a race, or computed again after eviction) only costs a recomputation.
            while (_answers.Count > MaxAnswers && _answerOrder.TryDequeue(out var oldest))
            {
                _answers.TryRemove(oldest, out _);
            }

            return bytes;
        }
        catch
        {
            _answers.TryRemove(new KeyValuePair<string, Lazy<byte[]>>(key, answer));
            throw;
        }
    }

    /// <summary>How many answers are held now.</summary>
    public int AnswersHeld => _answers.Count;

    /// <summary>The stamp of a result, built as the CLI's result commands build theirs (CommandSupport.Stamp).</summary>
    public ResultStamp Stamp(string computation, string options, IEnumerable<string> unconfirmed, IReadOnlyList<string> warnings) =>
        new($"facilities {ToolVersion}", computation, FileName, Sha256, Norms.Version, Norms.Sha256, options,
            [.. unconfirmed.Distinct().Order(StringComparer.Ordinal)])
        {
            Warnings = warnings,
        };

    /// <summary>The city's warnings in English, as stamps carry them.</summary>
    public IReadOnlyList<string> Warnings() => [.. CityWarnings.For(City).Select(w => w.En)];

    private static NormsSet LoadNorms(string? normsPath)
    {
        if (normsPath is null)
        {
            return NormsSet.BuiltIn;
        }

        var name = System.IO.Path.GetFileName(normsPath);
        try
        {
            return NormsSet.BuiltIn.With(NormsSet.Parse(TextFileCheck.ReadUtf8(normsPath, null), name));
        }
        catch (FormatException e)
        {
            throw new DataFileException("norms-invalid", name, null, "tệp định mức không hợp lệ: " + e.Message, "not a valid norms file: " + e.Message, e);
        }
    }
}
