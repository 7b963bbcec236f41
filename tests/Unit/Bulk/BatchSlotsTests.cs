using JiraConnector.Bulk;
using JiraConnector.Bulk.Upload;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>The bounded batch slots of an upload: the count holds, a released slot goes to the
/// waiting reader on the releasing thread, and a cancelled wait gives nothing away.</summary>
public sealed class BatchSlotsTests
{
    [Fact]
    public void Slots_are_free_up_to_the_limit_then_the_reader_waits()
    {
        var slots = new BatchSlots(2);

        Assert.True(slots.WaitAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        Assert.True(slots.WaitAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        var third = slots.WaitAsync(TestContext.Current.CancellationToken);

        Assert.False(third.IsCompleted);
        slots.Release();
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_released_slot_runs_the_waiting_reader_on_the_releasing_thread()
    {
        var slots = new BatchSlots(1);
        await slots.WaitAsync(TestContext.Current.CancellationToken);
        var readerThread = slots.WaitAsync(TestContext.Current.CancellationToken).ContinueWith(_ => Environment.CurrentManagedThreadId, TaskContinuationOptions.ExecuteSynchronously);

        // A thread of its own, which a continuation queued to the thread pool could never run on.
        var releasingThread = 0;
        var releaser = new Thread(() =>
        {
            releasingThread = Environment.CurrentManagedThreadId;
            slots.Release();
        });
        releaser.Start();
        releaser.Join();

        Assert.Equal(releasingThread, await readerThread);
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_the_next_release_frees_a_slot()
    {
        var slots = new BatchSlots(1);
        await slots.WaitAsync(TestContext.Current.CancellationToken);
        using var stop = new CancellationTokenSource();
        var waiting = slots.WaitAsync(stop.Token);

        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        slots.Release();
        Assert.True(slots.WaitAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        Assert.False(slots.WaitAsync(TestContext.Current.CancellationToken).IsCompleted);
    }
}
