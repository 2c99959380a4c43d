namespace Facilities.Core.Tracker;

/// <summary>The school site a case belongs to (one case per site, linked to the schools layer by id).</summary>
/// <param name="SiteId">The school's id in the schools layer.</param>
/// <param name="CommuneCode">5-digit code of the ward, commune or special zone the site is in.</param>
/// <param name="UnitType">phuong, xa or dac_khu: a đặc khu gets the longer time limit.</param>
public sealed record CaseSite(string SiteId, string CommuneCode, string UnitType);
