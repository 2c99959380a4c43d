namespace Facilities.Core.Validation;

/// <summary>Language of messages and labels: Vietnamese first, English second.</summary>
public enum Language
{
    /// <summary>Tiếng Việt.</summary>
    Vi,

    /// <summary>English.</summary>
    En,
}
