using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Paging
{
    /// <summary>Runs several fetches at once and hands their results back in the order they were
    /// started, whatever order they finish in. Besides the result the consumer is working on, at
    /// most <c>size</c> fetches are started and not yet handed back, so however far the consumer
    /// falls behind, memory holds at most that many results and one: the window is the only buffer
    /// of a parallel read. How many of them are on the wire
    /// at once is the fetches' own business (they wait for a slot of the read's rate gate).
    ///
    /// No worker thread is involved: the fetches are tasks, and the consumer's own thread starts
    /// the next ones each time it comes back for a result.</summary>
    internal static class ReorderWindow
    {
        /// <summary>The window for a read of <paramref name="concurrency"/> requests at once: one more
        /// than that keeps every slot busy (and one fetch waiting for the next free one) while the
        /// consumer works through the oldest result; each result more held would only be more memory
        /// for the collector to carry.</summary>
        public static int SizeFor(int concurrency) => concurrency + 1;

        /// <summary>The results in order. <paramref name="startNext"/> starts the next fetch with the
        /// token it is given, or returns null when there is none for now; it is asked again after
        /// every result, so a fetch can make more work appear (a total that grew).</summary>
        public static async IAsyncEnumerable<T> InOrderAsync<T>(Func<CancellationToken, ValueTask<Task<T>?>> startNext, int size,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pending = new Queue<Task<T>>(size);

            async ValueTask TopUpAsync()
            {
                while (pending.Count < size)
                {
                    var started = await startNext(stop.Token).ConfigureAwait(false);
                    if (started == null) return;
                    pending.Enqueue(started);
                }
            }

            try
            {
                while (true)
                {
                    await TopUpAsync().ConfigureAwait(false);
                    if (pending.Count == 0) yield break;
                    var result = await pending.Dequeue().ConfigureAwait(false);
                    // Start the next before handing this one on, so that the consumer's work on it overlaps a full window.
                    await TopUpAsync().ConfigureAwait(false);
                    yield return result;
                }
            }
            finally
            {
                // The consumer stopped early (-First, Ctrl+C, a failure): drop what is in flight quietly.
                stop.Cancel();
                foreach (var abandoned in pending) _ = abandoned.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            }
        }
    }
}
