namespace Facilities.Core.Norms;

/// <summary>One norm: its value, unit, legal source and how sure we are of it.</summary>
/// <param name="Key">Dotted key, e.g. "class_cap.tieu_hoc".</param>
/// <param name="Value">The value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit in words.</param>
/// <param name="Status">confirmed, secondary or unconfirmed (docs/norms.md).</param>
/// <param name="Source">The regulation (article) the value comes from.</param>
public sealed record NormValue(string Key, decimal Value, string Unit, string Status, string Source)
{
    /// <summary>A value the user should check: not read in a source quoting the legal text.</summary>
    public bool IsUnconfirmed => Status == "unconfirmed";
}
