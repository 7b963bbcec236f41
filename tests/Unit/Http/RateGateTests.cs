using System.Net;
using JiraConnector.Http;

namespace JiraConnector.Tests.Unit.Http;

/// <summary>A job's rate gate: Jira's rate-limit headers on a successful answer make every worker
/// of the job hold back before its next request; an answer without them does not.</summary>
public sealed class RateGateTests
{
    [Fact]
    public void An_answer_without_rate_limit_headers_lets_the_next_request_go_at_once()
    {
        var gate = new RateGate();
        using var answer = new HttpResponseMessage(HttpStatusCode.Created);
        answer.Headers.Add("X-RateLimit-Remaining", "12");

        gate.Observe(answer);

        Assert.True(gate.WaitAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("X-RateLimit-NearLimit", "true")]
    [InlineData("X-RateLimit-Remaining", "0")]
    public async Task Cloud_near_limit_or_an_empty_bucket_holds_the_next_request_back(string header, string value)
    {
        var gate = new RateGate();
        using var answer = new HttpResponseMessage(HttpStatusCode.Created);
        answer.Headers.Add(header, value);

        gate.Observe(answer);
        using var stop = new CancellationTokenSource();
        var next = gate.WaitAsync(stop.Token);

        Assert.False(next.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }
}

/// <summary>The slots of a parallel read: at most the limit held at once, granted in turn; the
/// limit halves on a rate-limit signal (once for the requests sent under one limit) and climbs back
/// by one after a run of calm answers.</summary>
public sealed class RateGateSlotTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, string? header = null, string? value = null)
    {
        var answer = new HttpResponseMessage(status);
        if (header != null) answer.Headers.Add(header, value);
        return answer;
    }

    private static HttpResponseMessage NearLimit() => Answer(HttpStatusCode.OK, "X-RateLimit-NearLimit", "true");

    [Fact]
    public async Task No_more_slots_than_the_limit_are_held_and_waiters_get_theirs_in_turn()
    {
        var gate = new RateGate(2);
        var first = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var second = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var third = gate.EnterAsync(TestContext.Current.CancellationToken);
        var fourth = gate.EnterAsync(TestContext.Current.CancellationToken);

        Assert.False(third.IsCompleted);
        second.Dispose();
        var granted = await third;
        Assert.False(fourth.IsCompleted);
        first.Dispose();
        (await fourth).Dispose();
        granted.Dispose();
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_up_its_turn_to_the_next()
    {
        var gate = new RateGate(1);
        var held = await gate.EnterAsync(TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(stop.Token);
        var next = gate.EnterAsync(TestContext.Current.CancellationToken);

        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        (await next).Dispose();
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, null, null)]
    [InlineData(HttpStatusCode.OK, "X-RateLimit-NearLimit", "true")]
    public async Task A_rate_limit_signal_halves_the_limit_once_for_the_requests_sent_under_it(HttpStatusCode status, string? header, string? value)
    {
        var gate = new RateGate(8);
        var slots = new List<RateSlot>();
        for (var i = 0; i < 8; i++) slots.Add(await gate.EnterAsync(TestContext.Current.CancellationToken));

        foreach (var slot in slots)
        {
            using var answer = Answer(status, header, value);
            slot.Observe(answer);
        }

        Assert.Equal(4, gate.Limit);
        slots.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Each_signal_to_a_request_sent_under_the_lowered_limit_halves_it_again_down_to_one()
    {
        var gate = new RateGate(8);
        var expected = new[] { 4, 2, 1, 1 };
        foreach (var limit in expected)
        {
            using var slot = await gate.EnterAsync(TestContext.Current.CancellationToken);
            using var answer = NearLimit();
            slot.Observe(answer);
            Assert.Equal(limit, gate.Limit);
        }
    }

    [Fact]
    public async Task The_limit_climbs_back_by_one_after_a_run_of_calm_answers_and_no_higher_than_its_maximum()
    {
        var gate = new RateGate(4);
        using (var slot = await gate.EnterAsync(TestContext.Current.CancellationToken))
        using (var signal = NearLimit()) slot.Observe(signal);
        Assert.Equal(2, gate.Limit);

        var seen = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            using var slot = await gate.EnterAsync(TestContext.Current.CancellationToken);
            using var calm = Answer(HttpStatusCode.OK);
            slot.Observe(calm);
            seen.Add(gate.Limit);
        }

        // 2 x 4 calm answers to reach 3, then 3 x 4 more to reach 4, and there it stays.
        Assert.Equal(Enumerable.Repeat(2, 7).Concat(Enumerable.Repeat(3, 12)).Concat(Enumerable.Repeat(4, 21)), seen);
    }

    [Fact]
    public async Task Calm_answers_to_requests_sent_before_a_decrease_do_not_raise_the_new_limit()
    {
        var gate = new RateGate(4);
        var early = new List<RateSlot>();
        for (var i = 0; i < 4; i++) early.Add(await gate.EnterAsync(TestContext.Current.CancellationToken));
        using (var signal = NearLimit()) early[0].Observe(signal);

        foreach (var slot in early.Skip(1))
        {
            for (var i = 0; i < 10; i++)
            {
                using var calm = Answer(HttpStatusCode.OK);
                slot.Observe(calm);
            }
        }

        Assert.Equal(2, gate.Limit);
        early.ForEach(s => s.Dispose());
    }
}
