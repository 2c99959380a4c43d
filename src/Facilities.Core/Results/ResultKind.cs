namespace Facilities.Core.Results;

/// <summary>What a result column holds; every writer derives its cell or field type from it, none guesses from the values.</summary>
public enum ResultKind
{
    /// <summary>Text (names, codes).</summary>
    Text,

    /// <summary>A whole number (counts of rooms, classes, schools; a year).</summary>
    Integer,

    /// <summary>A real number (people that the models make fractional, areas, distances).</summary>
    Number,

    /// <summary>A real number that is a quotient (load ratio, accessibility, a share).</summary>
    Ratio,

    /// <summary>A calendar date, held as ISO 8601 text (yyyy-MM-dd).</summary>
    Date,

    /// <summary>Yes or no.</summary>
    Bool,
}
