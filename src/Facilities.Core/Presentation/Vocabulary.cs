using Facilities.Core.Validation;

namespace Facilities.Core.Presentation;

/// <summary>
/// The labels of one coded vocabulary (unit types, levels, compliance statuses, …): what people read in place of the
/// code in Vietnamese and English outputs. Data outputs (CSV, GeoPackage, the API's JSON) keep the codes.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, LocalizedText> _labels;

    /// <summary>A vocabulary whose web i18n keys are <paramref name="key"/>.&lt;code&gt;.</summary>
    /// <param name="key">The i18n key prefix, also the vocabulary's name in the labels endpoint.</param>
    /// <param name="entries">(code, Vietnamese, English), in display order.</param>
    public Vocabulary(string key, IReadOnlyList<(string Code, string Vi, string En)> entries)
    {
        Key = key;
        Codes = [.. entries.Select(e => e.Code)];
        _labels = entries.ToDictionary(e => e.Code, e => new LocalizedText(e.Vi, e.En), StringComparer.Ordinal);
    }

    /// <summary>The i18n key prefix ("unit_type", "level", …).</summary>
    public string Key { get; }

    /// <summary>The codes, in display order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The label of <paramref name="code"/> in <paramref name="language"/>; an unknown code is shown as it is (never hidden).</summary>
    public string Label(string? code, Language language) =>
        code is null ? "" : _labels.TryGetValue(code, out var l) ? l.In(language) : code;

    /// <summary>The Vietnamese label of <paramref name="code"/>.</summary>
    public string Vi(string? code) => Label(code, Language.Vi);

    /// <summary>The English label of <paramref name="code"/>.</summary>
    public string En(string? code) => Label(code, Language.En);
}
