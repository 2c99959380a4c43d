using System.Globalization;
using Facilities.Core.Presentation;

namespace Facilities.Core.Proposals;

/// <summary>The sentence that says which of the joint and the sequential solution is better and by how much, shared by the console and the dossier.</summary>
public static class JointVerdict
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The verdict, or null when the joint model was not solved.</summary>
    public static ProposalNote? Of(ProposalResult result)
    {
        if (result.Comparison is not var (joint, sequential))
        {
            return null;
        }

        var diff = joint.Objective - sequential.Objective;
        var share = sequential.Objective > 0 ? (diff / sequential.Objective).ToString("+0.0%;-0.0%;0.0%", Inv) : "—";
        var (vi, en) = Math.Abs(diff) < 0.5
            ? ("Hai cách giải cho kết quả như nhau", "Both ways give the same result")
            : diff > 0
                ? ($"Giải chung tốt hơn giải tuần tự {M(diff)} m² ({share})", $"The joint solution is better than the sequential one by {M(diff)} m² ({share})")
                : ($"Giải tuần tự tốt hơn giải chung {M(-diff)} m² ({share})", $"The sequential solution is better than the joint one by {M(-diff)} m² ({share})");
        var placedVi = $"{joint.SitesPlaced} so với {sequential.SitesPlaced} trường được đặt, {P(joint.CoveredPupils)} so với {P(sequential.CoveredPupils)} học sinh được phục vụ";
        var placedEn = $"{joint.SitesPlaced} against {sequential.SitesPlaced} schools placed, {P(joint.CoveredPupils)} against {P(sequential.CoveredPupils)} pupils covered";
        var missingVi = Missing(sequential, "Không có địa điểm khi giải tuần tự", Labels.Level.Vi) + Missing(joint, "Không có địa điểm khi giải chung", Labels.Level.Vi);
        var missingEn = Missing(sequential, "No site in the sequential solution", Labels.Level.En) + Missing(joint, "No site in the joint solution", Labels.Level.En);
        var proposal = result.IsJoint ? ("Đề xuất dùng lời giải chung.", "The proposal is the joint solution.") : ("Đề xuất dùng lời giải tuần tự.", "The proposal is the sequential solution.");
        return new(
            $"{vi}: {M(joint.Objective)} so với {M(sequential.Objective)} m² đất trường có học sinh trong bán kính phục vụ (học sinh được phục vụ × m² mỗi học sinh); {placedVi}.{missingVi} {proposal.Item1}",
            $"{en}: {M(joint.Objective)} against {M(sequential.Objective)} m² of school land whose pupils are within reach (pupils covered × m² per pupil); {placedEn}.{missingEn} {proposal.Item2}");
    }

    private static string Missing(ProposalVariant v, string name, Func<string, string> label) =>
        v.LevelsWithoutSite.Count == 0 ? "" : $" {name}: {string.Join(", ", v.LevelsWithoutSite.Select(label))}.";

    private static string M(double v) => Math.Round(v, MidpointRounding.AwayFromZero).ToString("#,##0", Inv);

    private static string P(double v) => Math.Round(v, MidpointRounding.AwayFromZero).ToString("#,##0", Inv);
}
