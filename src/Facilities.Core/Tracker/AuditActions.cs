namespace Facilities.Core.Tracker;

/// <summary>The actions the audit log records (<see cref="AuditEntry.Action"/>).</summary>
public static class AuditActions
{
    /// <summary>A successful sign-in.</summary>
    public const string Login = "login";

    /// <summary>A refused sign-in (wrong name or password, or a locked account or address).</summary>
    public const string LoginFailed = "login_failed";

    /// <summary>A sign-out.</summary>
    public const string Logout = "logout";

    /// <summary>An acknowledged case transition.</summary>
    public const string Transition = "transition";
}
