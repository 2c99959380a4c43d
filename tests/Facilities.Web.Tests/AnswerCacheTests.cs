using Facilities.Testing;

namespace Facilities.Web.Tests;

/// <summary>The server's cache of computed answers: bounded, and never keeping a failure.</summary>
public sealed class AnswerCacheTests
{
    [Fact]
    public void An_answer_is_computed_once_and_then_served_from_the_cache()
    {
        var d = new DatasetService(SharedData.SampleCity, null);
        var calls = 0;

        var first = d.Answer("k", () => [(byte)++calls]);
        var second = d.Answer("k", () => [(byte)++calls]);

        Assert.Equal(1, calls);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_failed_computation_is_not_kept_and_the_next_request_computes_again()
    {
        var d = new DatasetService(SharedData.SampleCity, null);

        Assert.Throws<InvalidOperationException>(() => d.Answer("k", () => throw new InvalidOperationException("database down")));
        var answer = d.Answer("k", () => [42]);

        Assert.Equal([42], answer);
    }

    [Fact]
    public void The_cache_keeps_at_most_its_limit_and_drops_the_oldest_first()
    {
        var d = new DatasetService(SharedData.SampleCity, null);
        for (var i = 0; i < DatasetService.MaxAnswers + 10; i++)
        {
            d.Answer($"year={2025 + i}", () => [(byte)i]);
        }

        Assert.Equal(DatasetService.MaxAnswers, d.AnswersHeld);
        var recomputed = false;
        d.Answer("year=2025", () => { recomputed = true; return [0]; });
        Assert.True(recomputed);
        var newest = $"year={2025 + DatasetService.MaxAnswers + 9}";
        Assert.Equal([(byte)(DatasetService.MaxAnswers + 9)], d.Answer(newest, () => throw new InvalidOperationException("not cached")));
    }
}
