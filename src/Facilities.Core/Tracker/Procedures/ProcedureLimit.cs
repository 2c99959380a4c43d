namespace Facilities.Core.Tracker.Procedures;

/// <summary>A procedure's statutory time limit with its legal source.</summary>
/// <param name="Key">"default", "unit_type.&lt;type&gt;" or "commune.&lt;code&gt;".</param>
/// <param name="Days">The limit, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Working days or calendar days.</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">Article and clause the limit comes from.</param>
public sealed record ProcedureLimit(string Key, int Days, LimitUnit Unit, string Status, string Source);
