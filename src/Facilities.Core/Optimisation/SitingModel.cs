namespace Facilities.Core.Optimisation;

/// <summary>Which location model a siting problem is solved under (docs/sites.md, "Proposals").</summary>
public enum SitingModel
{
    /// <summary>Maximal covering (Church &amp; ReVelle 1974): choose p sites to maximise the pupils within the service radius.</summary>
    MaximalCovering,

    /// <summary>p-median (Hakimi 1964; ReVelle &amp; Swain 1970): choose p sites to minimise pupil-weighted distance to the nearest.</summary>
    PMedian,
}
