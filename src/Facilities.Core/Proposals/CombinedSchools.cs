namespace Facilities.Core.Proposals;

/// <summary>
/// Which levels may share one site as a combined school (trường phổ thông có nhiều cấp học, "trường liên cấp").
/// </summary>
/// <remarks>
/// The charter of lower and upper secondary schools and of schools with several levels (Điều lệ trường THCS, trường
/// THPT và trường phổ thông có nhiều cấp học, issued with Circular 32/2020/TT-BGDĐT, Art. 2) lists three kinds:
/// primary + THCS, THCS + THPT, and primary + THCS + THPT [secondary: summaries of the charter; the article text was
/// not read]. A preschool is not a general-education school (trường phổ thông) and is in none of them. Circular
/// 13/2020/TT-BGDĐT sets the facility standards of such schools; that their site is the sum of each level's site
/// is this tool's reading [unconfirmed: the article was not read]. docs/sites.md, "Joint model".
/// </remarks>
public static class CombinedSchools
{
    /// <summary>The allowed combinations, as level codes.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Allowed { get; } =
    [
        ["tieu_hoc", "thcs"],
        ["thcs", "thpt"],
        ["tieu_hoc", "thcs", "thpt"],
    ];
}
