using Facilities.Core.Tracker;
using static Facilities.Core.Tests.Tracker.TrackerData;

namespace Facilities.Core.Tests.Tracker;

/// <summary>
/// Deadlines worked out by hand. The 2026 days off of the built-in calendar that matter here:
/// Tết Bính Ngọ Mon 16/2 (29 tháng Chạp, last day of Ất Tỵ) – Fri 20/2 (mùng 4); Giỗ Tổ Sun 26/4 made up Mon 27/4;
/// Thu 30/4 and Fri 1/5. The day of receipt is not counted; a day counts when the clock ran at its start.
/// </summary>
public class CaseDeadlineTests
{
    [Fact]
    public void TwentyWorkingDaysFromTenFebruary2026EndOnSeventeenMarchAcrossTet()
    {
        // Received Tue 10/2. Counted: 11, 12, 13/2 (1–3); 14–15 weekend; 16–20 Tết; 21–22 weekend;
        // 23–27/2 (4–8); 2–6/3 (9–13); 9–13/3 (14–18); Mon 16/3 (19), Tue 17/3 (20).
        var state = Run(Start(Xa), Official, (CaseStep.Received, At(2026, 2, 10)));

        Assert.Equal(D(2026, 3, 17), state.DueDate);
        Assert.Equal(3, state.ElapsedWorkingDays(D(2026, 2, 22)));
        Assert.Equal(4, state.ElapsedWorkingDays(D(2026, 2, 23)));
        Assert.Equal(20, state.ElapsedWorkingDays(D(2026, 3, 17)));
        Assert.False(state.IsOverdue(D(2026, 3, 17)));
        Assert.True(state.IsOverdue(D(2026, 3, 18)));
        Assert.Equal(-1, state.RemainingWorkingDays(D(2026, 3, 18)));
    }

    [Fact]
    public void TheFinancialObligationPeriodDoesNotCount()
    {
        // Up to Wed 4/3 (obligations notified that day, so it still counts): 11/2–13/2 (3), 23/2–27/2 (5), 2–4/3 (3) = 11.
        // Paused from Thu 5/3; paid and signed Fri 20/3 (not counted: paused at its start). Running again from Mon 23/3:
        // 23–27/3 (12–16), 30/3 (17), 31/3 (18), 1/4 (19), Thu 2/4 (20). The 12 paused working days push 17/3 to 2/4.
        var state = Run(Start(Xa), Official,
            (CaseStep.Received, At(2026, 2, 10)),
            (CaseStep.Checked, At(2026, 2, 24)),
            (CaseStep.FormDecided, At(2026, 3, 2)),
            (CaseStep.FinancialObligations, At(2026, 3, 4, 10)));

        Assert.Null(state.DueDate);
        Assert.Equal(StepClock.Paused, state.Clock);
        Assert.Equal(11, state.ElapsedWorkingDays(D(2026, 3, 19)));
        Assert.False(state.IsOverdue(D(2026, 4, 30)));

        state = Run(state, Official, (CaseStep.Signed, At(2026, 3, 20, 15)));

        Assert.Equal(D(2026, 4, 2), state.DueDate);
        Assert.Equal(11, state.ElapsedWorkingDays(D(2026, 3, 20)));
        Assert.Equal(12, state.ElapsedWorkingDays(D(2026, 3, 23)));
        Assert.True(state.IsOverdue(D(2026, 4, 3)));
    }

    [Fact]
    public void ADacKhuHasThirtyWorkingDaysAcrossGioToAndTheMayHolidays()
    {
        // Received Mon 20/4/2026. Counted: 21–24/4 (1–4); 25–26 weekend, 27/4 substitute for Giỗ Tổ; 28, 29/4 (5, 6);
        // 30/4, 1/5 holidays; 4–8/5 (7–11); 11–15/5 (12–16); 18–21/5 (17–20: a xã would be due Thu 21/5);
        // 22/5 (21); 25–29/5 (22–26); 1–4/6 (27–30): due Thu 4/6.
        var dacKhu = Run(Start(DacKhu), City, (CaseStep.Received, At(2026, 4, 20)));
        var xa = Run(Start(Xa), City, (CaseStep.Received, At(2026, 4, 20)));

        Assert.Equal(30, dacKhu.TimeLimit.WorkingDays);
        Assert.Equal(D(2026, 6, 4), dacKhu.DueDate);
        Assert.Equal(D(2026, 5, 21), xa.DueDate);
        Assert.True(xa.IsOverdue(D(2026, 5, 22)));
        Assert.False(dacKhu.IsOverdue(D(2026, 5, 22)));
    }

    [Fact]
    public void AReturnedDossierStopsTheClockUntilItComesBack()
    {
        // Received Mon 2/3/2026; counted 3–6/3 (4); returned Fri 6/3 (counts); back at checked Wed 18/3 (not counted);
        // running from Thu 19/3: 19, 20/3 (5, 6), 23–27/3 (7–11), 30/3–3/4 (12–16), 6–9/4 (17–20): due Thu 9/4.
        var state = Run(Start(Xa), Official,
            (CaseStep.Received, At(2026, 3, 2)),
            (CaseStep.Checked, At(2026, 3, 4)),
            (CaseStep.ReturnedForSupplement, At(2026, 3, 6, 16)),
            (CaseStep.Checked, At(2026, 3, 18, 8)));

        Assert.Equal(4, state.ElapsedWorkingDays(D(2026, 3, 18)));
        Assert.Equal(D(2026, 4, 9), state.DueDate);
    }

    [Fact]
    public void AHandedOverCaseIsNeverOverdueButKnowsIfItFinishedLate()
    {
        var state = Run(Start(Xa), City,
            (CaseStep.Received, At(2026, 2, 10)),
            (CaseStep.Checked, At(2026, 2, 24)),
            (CaseStep.FormDecided, At(2026, 3, 2)),
            (CaseStep.Signed, At(2026, 3, 16)),
            (CaseStep.HandedOver, At(2026, 3, 18)));

        Assert.True(state.IsClosed);
        Assert.True(state.FinishedLate);
        Assert.False(state.IsOverdue(D(2026, 6, 1)));
        Assert.Equal(21, state.ElapsedWorkingDays(D(2026, 6, 1)));
    }

    [Fact]
    public void ASiteWithoutACaseHasNoClock()
    {
        var state = Start(Xa);

        Assert.Equal(CaseStep.NotStarted, state.Step);
        Assert.Equal(0, state.Version);
        Assert.Null(state.DueDate);
        Assert.Null(state.ReceivedOn);
        Assert.False(state.IsOverdue(D(2030, 1, 1)));
        Assert.Equal([CaseStep.Received], state.AllowedMoves);
    }

    [Fact]
    public void AnEveningChangeInUtcIsDatedTheNextDayInVietnam()
    {
        // 18:00 UTC on Mon 9/2 is 01:00 on Tue 10/2 in Hải Phòng: same deadline as a morning receipt on 10/2.
        var state = Run(Start(Xa), Official, (CaseStep.Received, new DateTimeOffset(2026, 2, 9, 18, 0, 0, TimeSpan.Zero)));

        Assert.Equal(D(2026, 2, 10), state.ReceivedOn);
        Assert.Equal(D(2026, 3, 17), state.DueDate);
    }
}
