using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// Who may read or change which case: the city department everything, a commune official their own commune's cases,
/// a viewer reads only (all communes, or the one their account names). Pure: the host maps a denial to HTTP 403.
/// </summary>
public static class TrackerAuthorization
{
    /// <summary>Whether <paramref name="user"/> may do <paramref name="action"/> on a case in <paramref name="communeCode"/>.</summary>
    public static AccessDecision Decide(TrackerUser user, string communeCode, TrackerAction action)
    {
        var verbVi = action == TrackerAction.Read ? "xem" : "cập nhật";
        var verbEn = action == TrackerAction.Read ? "read" : "change";
        var role = TrackerRoles.Code(user.Role);
        switch (user.Role)
        {
            case TrackerRole.CityDepartment:
                return Allow($"Sở/phòng cấp thành phố được {verbVi} hồ sơ của mọi xã, phường.",
                    $"The city department may {verbEn} cases in every commune.");

            case TrackerRole.CommuneOfficial when string.IsNullOrEmpty(user.CommuneCode):
                return Deny($"Tài khoản {user.Name} ({role}) chưa gắn với xã, phường nào.",
                    $"Account {user.Name} ({role}) is not linked to a commune.");

            case TrackerRole.CommuneOfficial when user.CommuneCode != communeCode:
                return Deny($"Cán bộ xã {user.CommuneCode} không được {verbVi} hồ sơ của xã {communeCode}.",
                    $"A commune official of {user.CommuneCode} may not {verbEn} cases of commune {communeCode}.");

            case TrackerRole.CommuneOfficial:
                return Allow($"Cán bộ xã {communeCode} được {verbVi} hồ sơ của xã mình.",
                    $"A commune official may {verbEn} the cases of their own commune {communeCode}.");

            case TrackerRole.Viewer when action == TrackerAction.Write:
                return Deny($"Tài khoản {user.Name} chỉ có quyền xem (viewer), không được cập nhật hồ sơ.",
                    $"Account {user.Name} is a viewer (read only) and may not change cases.");

            case TrackerRole.Viewer when !string.IsNullOrEmpty(user.CommuneCode) && user.CommuneCode != communeCode:
                return Deny($"Tài khoản xem {user.Name} chỉ xem được hồ sơ của xã {user.CommuneCode}.",
                    $"Viewer {user.Name} may read only the cases of commune {user.CommuneCode}.");

            default:
                return Allow("Được xem hồ sơ.", "May read the case.");
        }
    }

    /// <summary>Whether <paramref name="user"/> may do <paramref name="action"/> on the case of <paramref name="site"/>.</summary>
    public static AccessDecision Decide(TrackerUser user, CaseSite site, TrackerAction action) =>
        Decide(user, site.CommuneCode, action);

    private static AccessDecision Allow(string vi, string en) => new(true, new LocalizedText(vi, en));

    private static AccessDecision Deny(string vi, string en) => new(false, new LocalizedText(vi, en));
}
