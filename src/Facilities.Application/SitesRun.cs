using Facilities.Core.Screening;

namespace Facilities.Application;

/// <summary>A screening run: the result and the land-use rule it applied (for the host's summary).</summary>
/// <param name="Result">The screening result.</param>
/// <param name="LandUse">The land-use rule the screener applied.</param>
public sealed record SitesRun(ScreeningResult Result, LandUseRule LandUse);
