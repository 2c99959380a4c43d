namespace Facilities.Core.Model;

/// <summary>
/// An array that grows by doubling while a table is built and is then trimmed to its contents: a
/// <see cref="List{T}"/> without the bounds and version checks on every read of a million-row column.
/// </summary>
internal sealed class GrowableArray<T>
{
    private T[] _items = new T[16];

    /// <summary>Items added.</summary>
    public int Length { get; private set; }

    /// <summary>The item at <paramref name="i"/>.</summary>
    public T this[int i] => _items[i];

    /// <summary>The backing array (its first <see cref="Length"/> items), for a column read in a loop.</summary>
    public T[] Items => _items;

    /// <summary>Appends an item.</summary>
    public void Add(T item)
    {
        if (Length == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        _items[Length++] = item;
    }

    /// <summary>Appends items.</summary>
    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Length + items.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(checked(Length + items.Length), checked(_items.Length * 2)));
        }

        items.CopyTo(_items.AsSpan(Length));
        Length += items.Length;
    }

    /// <summary>Drops the unused capacity.</summary>
    public void Trim()
    {
        if (_items.Length != Length)
        {
            Array.Resize(ref _items, Length);
        }
    }
}
