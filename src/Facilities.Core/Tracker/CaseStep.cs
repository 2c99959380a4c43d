namespace Facilities.Core.Tracker;

/// <summary>
/// Where a site's GCN dossier stands (procedure 1.012753). Codes in data and messages are snake_case
/// (<see cref="CaseSteps.Code"/>); the allowed moves are in <see cref="TransitionTable"/>.
/// </summary>
public enum CaseStep
{
    /// <summary>not_started: the site has no certificate and no dossier.</summary>
    NotStarted,

    /// <summary>received: nộp hồ sơ, the dossier was received by the public administration service centre.</summary>
    Received,

    /// <summary>checked: kiểm tra, land data checked against cadastral records.</summary>
    Checked,

    /// <summary>surveyed: trích đo, a survey extract was made (optional).</summary>
    Surveyed,

    /// <summary>form_decided: quyết định hình thức sử dụng đất, the land-use form was decided.</summary>
    FormDecided,

    /// <summary>financial_obligations: nghĩa vụ tài chính, waiting for the obligations to be paid or waived (clock paused).</summary>
    FinancialObligations,

    /// <summary>signed: ký GCN, the certificate was signed.</summary>
    Signed,

    /// <summary>handed_over: trao GCN, the certificate was handed over (terminal).</summary>
    HandedOver,

    /// <summary>returned_for_supplement: the dossier went back to the applicant to be completed (clock paused).</summary>
    ReturnedForSupplement,

    /// <summary>suspended: stopped by a dispute (clock paused by default).</summary>
    Suspended,

    /// <summary>rejected: refused (terminal).</summary>
    Rejected,

    /// <summary>withdrawn: withdrawn by the applicant (terminal).</summary>
    Withdrawn,
}
