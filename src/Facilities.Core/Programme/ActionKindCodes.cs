namespace Facilities.Core.Programme;

/// <summary>The stable codes and plan-list words of <see cref="ActionKind"/>, one place for every output.</summary>
public static class ActionKindCodes
{
    /// <summary>The code in GeoJSON, GeoPackage and the web client: new_school, extension, replacement, handover.</summary>
    public static string Code(this ActionKind kind) => kind switch
    {
        ActionKind.NewSchool => "new_school",
        ActionKind.Extension => "extension",
        ActionKind.Replacement => "replacement",
        _ => "handover",
    };

    /// <summary>The investment plan list's (Danh mục dự án) word for the kind.</summary>
    public static string PlanWord(this ActionKind kind) => kind switch
    {
        ActionKind.NewSchool => "xây mới",
        ActionKind.Extension => "mở rộng, nâng cấp",
        ActionKind.Replacement => "xây thay phòng học tạm, xuống cấp",
        _ => "chủ đầu tư dự án bàn giao",
    };
}
