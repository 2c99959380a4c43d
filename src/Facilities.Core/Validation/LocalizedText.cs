namespace Facilities.Core.Validation;

/// <summary>A message in Vietnamese (the default) and English.</summary>
/// <param name="Vi">Vietnamese text.</param>
/// <param name="En">English text.</param>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>The text in the given language ("vi" or "en").</summary>
    public string In(Language language) => language == Language.En ? En : Vi;
}
