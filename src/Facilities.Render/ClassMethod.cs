namespace Facilities.Render;

/// <summary>How a choropleth's class limits are chosen; the legend names the method.</summary>
public enum ClassMethod
{
    /// <summary>Jenks natural breaks (Fisher's optimal grouping), limits moved to round numbers between classes.</summary>
    Jenks,

    /// <summary>Quantiles: about as many features in each class, limits moved to round numbers between classes.</summary>
    Quantile,

    /// <summary>Equal round intervals (1, 2 or 5 × 10^k): comparable between maps, but skewed data fills one class.</summary>
    Equal,
}
