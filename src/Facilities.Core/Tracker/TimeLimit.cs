namespace Facilities.Core.Tracker;

/// <summary>A time limit in working days with its legal source.</summary>
/// <param name="Key">"default", "unit_type.&lt;type&gt;" or "commune.&lt;code&gt;".</param>
/// <param name="WorkingDays">The limit.</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">The regulation the limit comes from.</param>
public sealed record TimeLimit(string Key, int WorkingDays, string Status, string Source);
