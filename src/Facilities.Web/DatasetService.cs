using System.Collections.Concurrent;
using Facilities.Application;
using Facilities.Core.Features;
using Facilities.Core.Model;
using Facilities.Core.Norms;
using Facilities.IO.Datasets;

namespace Facilities.Web;

/// <summary>
/// The served dataset: the application layer's <see cref="DatasetContext"/> (layers, city model, norms, content
/// hash, each loaded once) and the JSON answers already computed (a result depends only on the file, the norms and the options, so the same request
/// gets the same bytes). Thread-safe; everything loads on first use.
/// </summary>
public sealed class DatasetService
{
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

        Context = new DatasetContext(new GeoPackageStore(Path), NormsFile.Load(normsPath));
    }

    /// <summary>The dataset and norms every result is computed on (the application layer's context, kept for the server's lifetime).</summary>
    public DatasetContext Context { get; }

    /// <summary>Full path of the dataset.</summary>
    public string Path { get; }

    /// <summary>File name of the dataset.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The norms results are computed with.</summary>
    public NormsSet Norms => Context.Norms;

    /// <summary>SHA-256 of the dataset file (what results are stamped with).</summary>
    public string Sha256 => Context.ContentHash;

    /// <summary>The city model (without parcels).</summary>
    public CityModel City => Context.City;

    /// <summary>Version of the tool ("0.1.0+commit"), as the CLI's result stamps carry it.</summary>
    public static string ToolVersion => Application.ToolVersion.Value;

    /// <summary>Whether the dataset has a layer by this name.</summary>
    public bool HasLayer(string name) => Context.HasLayer(name);

    /// <summary>A layer as stored (EPSG:4326), or null when the dataset has none by that name.</summary>
    public FeatureLayer? Layer(string name) => Context.Layer(name);

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
}
