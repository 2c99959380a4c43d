using System.Globalization;

namespace Facilities.Core.Import;

/// <summary>What one source column's values became, gathered while converting, for <see cref="ColumnMapping"/>.</summary>
internal sealed class ColumnStats
{
    private const int SampleCount = 3;
    private readonly List<string> _samples = [];

    public int Empty { get; private set; }

    public int Invalid { get; private set; }

    public IReadOnlyList<string> Samples => _samples;

    public void Add(object? source, object? converted, bool invalid)
    {
        if (source is null || (source is string s && s.Trim().Length == 0))
        {
            Empty++;
            return;
        }

        if (invalid)
        {
            Invalid++;
            return;
        }

        if (_samples.Count < SampleCount && converted is not null)
        {
            var text = converted switch
            {
                double d => d.ToString("0.######", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => converted.ToString() ?? "",
            };
            if (!_samples.Contains(text))
            {
                _samples.Add(text);
            }
        }
    }
}
