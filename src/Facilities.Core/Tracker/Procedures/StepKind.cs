namespace Facilities.Core.Tracker.Procedures;

/// <summary>What a step of a procedure means for the case's path.</summary>
public enum StepKind
{
    /// <summary>The step before any dossier (not_started).</summary>
    Start,

    /// <summary>An ordinary step on the way.</summary>
    Normal,

    /// <summary>A temporary step (returned for supplement, suspended): the case may go back to the step it left.</summary>
    Interruption,

    /// <summary>The procedure ended with its result (certificate handed over, land handed over, permit granted).</summary>
    Finish,

    /// <summary>The procedure is not needed for this site (land already held, works exempt): counts as finished.</summary>
    Skip,

    /// <summary>The procedure ended without its result (rejected, withdrawn).</summary>
    End,
}
