using Facilities.Core.Tracker;
using static Facilities.Core.Tests.Tracker.TrackerData;

namespace Facilities.Core.Tests.Tracker;

public class TrackerAuthorizationTests
{
    [Theory]
    [InlineData(TrackerAction.Read)]
    [InlineData(TrackerAction.Write)]
    public void TheCityDepartmentReadsAndChangesEveryCommune(TrackerAction action)
    {
        Assert.True(TrackerAuthorization.Decide(City, "31001", action).Allowed);
        Assert.True(TrackerAuthorization.Decide(City, "31999", action).Allowed);
    }

    [Theory]
    [InlineData(TrackerAction.Read)]
    [InlineData(TrackerAction.Write)]
    public void ACommuneOfficialReachesOnlyTheirOwnCommune(TrackerAction action)
    {
        Assert.True(TrackerAuthorization.Decide(Official, Xa, action).Allowed);

        var other = TrackerAuthorization.Decide(OtherOfficial, Xa, action);
        Assert.False(other.Allowed);
        Assert.Contains("31002", other.Reason.En, StringComparison.Ordinal);
        Assert.Contains("31001", other.Reason.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void ACommuneOfficialWithoutACommuneReachesNothing() =>
        Assert.False(TrackerAuthorization.Decide(new TrackerUser("x", TrackerRole.CommuneOfficial), "31001", TrackerAction.Read).Allowed);

    [Fact]
    public void AViewerReadsButNeverChanges()
    {
        Assert.True(TrackerAuthorization.Decide(Viewer, "31001", TrackerAction.Read).Allowed);
        var write = TrackerAuthorization.Decide(Viewer, "31001", TrackerAction.Write);
        Assert.False(write.Allowed);
        Assert.Contains("read only", write.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void AViewerTiedToACommuneReadsOnlyThatCommune()
    {
        var viewer = new TrackerUser("xem.31001", TrackerRole.Viewer, "31001");

        Assert.True(TrackerAuthorization.Decide(viewer, "31001", TrackerAction.Read).Allowed);
        Assert.False(TrackerAuthorization.Decide(viewer, "31002", TrackerAction.Read).Allowed);
    }

    [Fact]
    public void AnotherCommunesOfficialCannotMoveACaseAndNoEventIsMade()
    {
        var state = Run(Start(Xa), City, (CaseStep.Received, At(2026, 3, 2)));

        var outcome = CaseTransitions.Decide(state, OtherOfficial, new TransitionRequest(CaseStep.Checked, At(2026, 3, 3)));
        var viewer = CaseTransitions.Decide(state, Viewer, new TransitionRequest(CaseStep.Checked, At(2026, 3, 3)));

        Assert.Equal((RefusalKind.Forbidden, (CaseEvent?)null), (outcome.Refusal, outcome.Event));
        Assert.Equal(RefusalKind.Forbidden, viewer.Refusal);
    }

    [Fact]
    public void RoleCodesRoundTrip()
    {
        foreach (var role in Enum.GetValues<TrackerRole>())
        {
            Assert.True(TrackerRoles.TryParse(TrackerRoles.Code(role), out var parsed));
            Assert.Equal(role, parsed);
        }

        Assert.False(TrackerRoles.TryParse("admin", out _));
    }
}
