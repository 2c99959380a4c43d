namespace Facilities.Core.Catchment;

/// <summary>
/// The calibration of one level: with today's enrolment as demand, each school's allocated pupils ÷ its enrolled
/// pupils (its allocated ratio ÷ its load_ratio); 1 means the model sends a school exactly the pupils it has.
/// </summary>
/// <param name="Level">Level.</param>
/// <param name="Schools">Schools with enrolled pupils (the ones the ratio is defined for).</param>
/// <param name="P10">10th percentile of the ratio.</param>
/// <param name="Median">Median of the ratio.</param>
/// <param name="P90">90th percentile of the ratio.</param>
/// <param name="WithinReachShare">Share of the enrolled pupils within reach of some school.</param>
public sealed record CalibrationSummary(string Level, int Schools, double P10, double Median, double P90, double WithinReachShare);
