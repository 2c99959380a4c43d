using Facilities.Core.Tracker;

namespace Facilities.Core.Tests.Tracker;

public class TransitionTableTests
{
    [Fact]
    public void EveryStepHasAnEntryAndOnlyTheEndsHaveNoMoves()
    {
        Assert.Equal(CaseSteps.All.Order(), TransitionTable.Fixed.Keys.Order());
        Assert.Equal([CaseStep.HandedOver, CaseStep.Rejected, CaseStep.Withdrawn],
            CaseSteps.All.Where(s => TransitionTable.Fixed[s].Count == 0 && !CaseSteps.IsInterruption(s)));
        Assert.All(CaseSteps.All.Where(CaseSteps.IsTerminal), s => Assert.Empty(TransitionTable.AllowedFrom(s, CaseStep.Checked)));
    }

    [Fact]
    public void EveryOpenStepCanStillReachHandedOver()
    {
        foreach (var start in CaseSteps.All.Where(s => !CaseSteps.IsTerminal(s) && !CaseSteps.IsInterruption(s)))
        {
            var seen = new HashSet<CaseStep> { start };
            var queue = new Queue<CaseStep>([start]);
            while (queue.TryDequeue(out var step))
            {
                foreach (var next in TransitionTable.Fixed[step].Where(seen.Add))
                {
                    queue.Enqueue(next);
                }
            }

            Assert.Contains(CaseStep.HandedOver, seen);
        }
    }

    [Fact]
    public void SurveyingAndFinancialObligationsAreOptional()
    {
        Assert.True(TransitionTable.IsAllowed(CaseStep.Checked, CaseStep.FormDecided, null));
        Assert.True(TransitionTable.IsAllowed(CaseStep.FormDecided, CaseStep.Signed, null));
        Assert.False(TransitionTable.IsAllowed(CaseStep.Signed, CaseStep.Rejected, null));
    }

    [Fact]
    public void StepCodesRoundTripAndUnknownCodesAreNamed()
    {
        Assert.All(CaseSteps.All, s => Assert.Equal(s, CaseSteps.Parse(CaseSteps.Code(s))));
        var error = Assert.Throws<FormatException>(() => CaseSteps.Parse("Received"));
        Assert.StartsWith("'Received' is not a step; steps are not_started, received", error.Message, StringComparison.Ordinal);
    }
}
