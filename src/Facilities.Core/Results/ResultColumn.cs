namespace Facilities.Core.Results;

/// <summary>A result column's definition: the field and how a row of the computation gives its value (null: no data).</summary>
/// <typeparam name="T">Row type of the computation.</typeparam>
/// <param name="Field">The field.</param>
/// <param name="Value">The row's value: string, long, double, bool, or null.</param>
public sealed record ResultColumn<T>(ResultField Field, Func<T, object?> Value)
{
    /// <summary>A column named <paramref name="name"/> with both labels and a kind.</summary>
    public ResultColumn(string name, string vi, string en, ResultKind kind, Func<T, object?> value)
        : this(new ResultField(name, vi, en, kind), value)
    {
    }

    /// <summary>The field's name.</summary>
    public string Name => Field.Name;
}
