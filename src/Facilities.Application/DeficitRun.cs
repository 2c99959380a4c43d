using Facilities.Core.Catchment;
using Facilities.Core.Deficit;

namespace Facilities.Application;

/// <summary>A deficit run: the admin rows always (the catchment method starts from them), the catchment rows with that method.</summary>
/// <param name="Admin">The administrative-method result.</param>
/// <param name="Catchment">The catchment-method result, when that method was asked for.</param>
public sealed record DeficitRun(DeficitResult Admin, CatchmentResult? Catchment)
{
    /// <summary>The catchment calibration per level (demand = today's enrolment), with the catchment method; else empty.</summary>
    public IReadOnlyList<CalibrationSummary> Calibration { get; init; } = [];
}
