using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>The national administrative procedure the tracker follows.</summary>
/// <param name="Code">Procedure code, e.g. "1.012753".</param>
/// <param name="Name">Name in Vietnamese and English.</param>
/// <param name="Status">confirmed, secondary or unconfirmed.</param>
/// <param name="Source">Where the procedure is published.</param>
public sealed record ProcedureInfo(string Code, LocalizedText Name, string Status, string Source);
