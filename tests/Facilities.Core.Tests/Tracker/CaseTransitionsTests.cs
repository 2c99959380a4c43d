using System.Text;
using Facilities.Core.Tracker;
using static Facilities.Core.Tests.Tracker.TrackerData;

namespace Facilities.Core.Tests.Tracker;

public class CaseTransitionsTests
{
    private static TransitionOutcome Ask(CaseState state, CaseStep to, DateTimeOffset at, TrackerUser? user = null, int? version = null) =>
        CaseTransitions.Decide(state, user ?? Official, new TransitionRequest(to, at, ExpectedVersion: version));

    [Fact]
    public void TheFullProcedureIsAcceptedStepByStep()
    {
        var state = Run(Start(Xa), Official,
            (CaseStep.Received, At(2026, 2, 10)),
            (CaseStep.Checked, At(2026, 2, 24)),
            (CaseStep.Surveyed, At(2026, 2, 26)),
            (CaseStep.FormDecided, At(2026, 3, 2)),
            (CaseStep.FinancialObligations, At(2026, 3, 4)),
            (CaseStep.Signed, At(2026, 3, 20)),
            (CaseStep.HandedOver, At(2026, 3, 23)));

        Assert.Equal(CaseStep.HandedOver, state.Step);
        Assert.Equal(7, state.Version);
        Assert.Equal(Enumerable.Range(1, 7), state.Events.Select(e => e.Sequence));
        Assert.All(state.Events, e => Assert.Equal(("can.bo.31001", TrackerRole.CommuneOfficial), (e.Actor, e.Role)));
        Assert.Empty(state.AllowedMoves);
    }

    [Fact]
    public void AMoveOutsideTheTableIsRefusedWithTheAllowedMovesInBothLanguages()
    {
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 2, 10)));

        var outcome = Ask(state, CaseStep.HandedOver, At(2026, 2, 11));

        Assert.False(outcome.Accepted);
        Assert.Null(outcome.Event);
        Assert.Equal(RefusalKind.NotAllowed, outcome.Refusal);
        Assert.Equal(
            "Không thể chuyển hồ sơ từ «Nộp hồ sơ» (received) sang «Trao GCN» (handed_over). Các bước được phép: «Kiểm tra» (checked), "
            + "«Trả hồ sơ để bổ sung» (returned_for_supplement), «Từ chối» (rejected), «Rút hồ sơ» (withdrawn).",
            outcome.Message.Vi);
        Assert.Equal(
            "Cannot move the case from 'Dossier received' (received) to 'GCN handed over' (handed_over). Allowed moves: 'Checked' (checked), "
            + "'Returned for supplement' (returned_for_supplement), 'Rejected' (rejected), 'Withdrawn' (withdrawn).",
            outcome.Message.En);
        Assert.Equal([CaseStep.Checked, CaseStep.ReturnedForSupplement, CaseStep.Rejected, CaseStep.Withdrawn], outcome.AllowedMoves);
    }

    [Fact]
    public void AReturnedCaseGoesBackOnlyToTheStepItLeft()
    {
        var state = Run(Start(Xa), Official,
            (CaseStep.Received, At(2026, 3, 2)),
            (CaseStep.Checked, At(2026, 3, 3)),
            (CaseStep.Surveyed, At(2026, 3, 4)),
            (CaseStep.ReturnedForSupplement, At(2026, 3, 5)));

        Assert.Equal(CaseStep.Surveyed, state.ResumeStep);
        Assert.Equal([CaseStep.Surveyed, CaseStep.Rejected, CaseStep.Withdrawn], state.AllowedMoves);

        var wrong = Ask(state, CaseStep.Checked, At(2026, 3, 9));
        Assert.Equal(RefusalKind.NotAllowed, wrong.Refusal);
        Assert.Contains("«Trích đo» (surveyed, quay lại bước trước)", wrong.Message.Vi, StringComparison.Ordinal);
        Assert.Contains("'Surveyed' (surveyed, back to the step it left)", wrong.Message.En, StringComparison.Ordinal);

        var back = Run(state, Official, (CaseStep.Surveyed, At(2026, 3, 9)));
        Assert.Null(back.ResumeStep);
        Assert.Equal(CaseStep.Surveyed, back.Step);
    }

    [Fact]
    public void ASuspendedCaseResumesWhereTheDisputeStoppedIt()
    {
        var state = Run(Start(Xa), City,
            (CaseStep.Received, At(2026, 3, 2)),
            (CaseStep.Checked, At(2026, 3, 3)),
            (CaseStep.FormDecided, At(2026, 3, 4)),
            (CaseStep.Suspended, At(2026, 3, 5)),
            (CaseStep.FormDecided, At(2026, 6, 1)));

        Assert.Equal(CaseStep.FormDecided, state.Step);
        Assert.Contains(CaseStep.FinancialObligations, state.AllowedMoves);
    }

    [Fact]
    public void AnEndedCaseRefusesEveryMoveAndSaysSo()
    {
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 3, 2)), (CaseStep.Withdrawn, At(2026, 3, 3)));

        var outcome = Ask(state, CaseStep.Received, At(2026, 3, 4));

        Assert.Equal(RefusalKind.NotAllowed, outcome.Refusal);
        Assert.Empty(outcome.AllowedMoves);
        Assert.EndsWith("the case has ended and no move is allowed.", outcome.Message.En, StringComparison.Ordinal);
        Assert.Contains("không còn bước nào được phép", outcome.Message.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void AStaleVersionIsAConflictAndTheCurrentOneIsAccepted()
    {
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 3, 2)));

        Assert.Equal(RefusalKind.Conflict, Ask(state, CaseStep.Checked, At(2026, 3, 3), version: 0).Refusal);
        Assert.True(Ask(state, CaseStep.Checked, At(2026, 3, 3), version: 1).Accepted);
    }

    [Fact]
    public void AChangeDatedBeforeTheLastEventIsRefused()
    {
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 3, 2, 10)));

        Assert.Equal(RefusalKind.InvalidTime, Ask(state, CaseStep.Checked, At(2026, 3, 2, 9)).Refusal);
        Assert.True(Ask(state, CaseStep.Checked, At(2026, 3, 2, 10)).Accepted);
    }

    [Fact]
    public void DecidingNeverChangesTheState()
    {
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 3, 2)));

        var outcome = Ask(state, CaseStep.Checked, At(2026, 3, 3));

        Assert.True(outcome.Accepted);
        Assert.Equal((CaseStep.Received, 1), (state.Step, state.Version));
        Assert.Equal((2, CaseStep.Received, CaseStep.Checked), (outcome.Event!.Sequence, outcome.Event.From, outcome.Event.To));
    }

    [Fact]
    public void ReplayingTheHistoryGivesTheSameStateAsApplyingItEventByEvent()
    {
        var incremental = Run(Start(Xa), Official,
            (CaseStep.Received, At(2026, 2, 10)),
            (CaseStep.Checked, At(2026, 2, 24)),
            (CaseStep.ReturnedForSupplement, At(2026, 2, 25)),
            (CaseStep.Checked, At(2026, 3, 6)),
            (CaseStep.FormDecided, At(2026, 3, 9)),
            (CaseStep.FinancialObligations, At(2026, 3, 10)),
            (CaseStep.Signed, At(2026, 4, 1)));

        var replayed = CaseState.Replay(Xa, incremental.Events.ToList(), Config, Calendar);

        Assert.Equal(incremental.Events, replayed.Events);
        foreach (var day in new[] { D(2026, 2, 10), D(2026, 3, 1), D(2026, 3, 20), D(2026, 4, 15), D(2026, 6, 1) })
        {
            Assert.Equal(incremental.Summarize(day), replayed.Summarize(day));
        }

        Assert.Equal(incremental.Events.Count, replayed.Version);
    }

    [Fact]
    public void AHistoryThatDoesNotFollowIsRejectedNamingTheEvent()
    {
        var events = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 3, 2)), (CaseStep.Checked, At(2026, 3, 3))).Events;

        var gap = Assert.Throws<CaseHistoryException>(() => CaseState.Replay(Xa, [events[0], events[1] with { Sequence = 3 }], Config, Calendar));
        var jump = Assert.Throws<CaseHistoryException>(() =>
            CaseState.Replay(Xa, [events[0], events[1] with { To = CaseStep.Signed }], Config, Calendar));
        var back = Assert.Throws<CaseHistoryException>(() =>
            CaseState.Replay(Xa, [events[0], events[1] with { At = At(2026, 3, 1) }], Config, Calendar));

        Assert.Equal((3, 2, 2), (gap.Sequence, jump.Sequence, back.Sequence));
        Assert.Equal("event 2: received → signed is not an allowed move", jump.Message);
    }

    [Fact]
    public void NotesAndAttachmentsWithMarkupSqlAndVietnameseAreKeptVerbatim()
    {
        var decomposed = "Tru\u031Bo\u031B\u0300ng Ma\u0300m non Ha\u0309i Pho\u0300ng".Normalize(NormalizationForm.FormD);
        var note = "Robert'); DROP TABLE cases;-- <script>alert(\"x\")</script> &amp; 100% _x_ \\ \"\n"
            + "Trường THCS Đằng Hải: đã bổ sung sơ đồ thửa đất ✓\t" + decomposed;
        string[] attachments = ["hồ sơ/Mẫu 15 <ký>.pdf", "'; DELETE FROM events; --.png"];
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 3, 2)));

        var outcome = CaseTransitions.Decide(state, Official, new TransitionRequest(CaseStep.Checked, At(2026, 3, 3), note, attachments));
        var replayed = CaseState.Replay(Xa, [.. state.Events, outcome.Event!], Config, Calendar);

        Assert.Equal(note, replayed.Events[^1].Note, StringComparer.Ordinal);
        Assert.Equal(attachments, replayed.Events[^1].Attachments);
        Assert.Contains(decomposed, replayed.Events[^1].Note, StringComparison.Ordinal);
        Assert.False(decomposed.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void AnEmptyAttachmentReferenceIsRefused() =>
        Assert.Equal(RefusalKind.InvalidInput, CaseTransitions.Decide(Start(Xa), Official,
            new TransitionRequest(CaseStep.Received, At(2026, 3, 2), "", [" "])).Refusal);
}
