using JiraConnector.Paging;

namespace JiraConnector.Tests.Unit.Paging;

/// <summary>The reorder window: results in the order their fetches started whatever order they
/// finish in, and never more fetches started beyond the result the consumer holds than its size,
/// however slowly the consumer takes them.</summary>
public sealed class ReorderWindowTests
{
    [Fact]
    public async Task Results_come_in_the_order_started_though_the_fetches_finish_in_reverse()
    {
        var fetches = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var next = 0;
        ValueTask<Task<int>?> StartNext(CancellationToken token) =>
            new(next < fetches.Count ? fetches[next++].Task : null);

        var reading = Collect(ReorderWindow.InOrderAsync(StartNext, 6, TestContext.Current.CancellationToken));
        for (var i = fetches.Count - 1; i >= 0; i--) fetches[i].SetResult(i);

        Assert.Equal([0, 1, 2, 3, 4, 5], await reading);
    }

    [Fact]
    public async Task However_far_the_consumer_falls_behind_at_most_the_window_is_started_beyond_the_result_it_holds()
    {
        var started = 0;
        var consumed = 0;
        var mostAhead = 0;
        ValueTask<Task<int>?> StartNext(CancellationToken token)
        {
            if (started == 100) return new((Task<int>?)null);
            var value = started++;
            mostAhead = Math.Max(mostAhead, started - consumed);
            return new(Task.FromResult(value));
        }

        await foreach (var value in ReorderWindow.InOrderAsync(StartNext, 5, TestContext.Current.CancellationToken))
        {
            Assert.Equal(consumed, value);
            consumed++;
        }

        Assert.Equal(100, consumed);
        // The one being consumed, and five more.
        Assert.Equal(6, mostAhead);
    }

    [Fact]
    public async Task Stopping_early_cancels_the_fetches_in_flight()
    {
        var tokens = new List<CancellationToken>();
        ValueTask<Task<int>?> StartNext(CancellationToken token)
        {
            tokens.Add(token);
            return new(tokens.Count == 1 ? Task.FromResult(1) : Task.Delay(Timeout.Infinite, token).ContinueWith(_ => 0, TaskScheduler.Default));
        }

        await foreach (var _ in ReorderWindow.InOrderAsync(StartNext, 3, TestContext.Current.CancellationToken)) break;

        // The window of three, and the one started as the first was handed on.
        Assert.Equal(4, tokens.Count);
        Assert.All(tokens, t => Assert.True(t.IsCancellationRequested));
    }

    private static async Task<List<int>> Collect(IAsyncEnumerable<int> values)
    {
        var list = new List<int>();
        await foreach (var value in values) list.Add(value);
        return list;
    }
}
