using System;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>At most N batches in flight, and one reader waiting for a free slot. A batch that
    /// finishes hands its slot to the waiting reader on its own thread: the reader maps and sends
    /// the next batch there and then, where a SemaphoreSlim would queue it to the thread pool and
    /// wake another thread (bench/bulk.ps1 prints work items per request: 0.7 against 1.2 with a
    /// SemaphoreSlim, and 0.8 for a plain HttpClient loop).</summary>
    internal sealed class BatchSlots
    {
        private readonly object _lock = new object();
        private int _free;
        private TaskCompletionSource<bool>? _waiter;
        private CancellationTokenRegistration _cancellation;

        public BatchSlots(int slots) => _free = Math.Max(1, slots);

        /// <summary>Completes when a slot is the caller's. One caller at a time.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_lock)
            {
                if (_free > 0)
                {
                    _free--;
                    return Task.CompletedTask;
                }
                if (_waiter != null) throw new InvalidOperationException("Only one reader waits for a batch slot.");
                var waiter = new TaskCompletionSource<bool>();
                _waiter = waiter;
                _cancellation = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
                return waiter.Task;
            }
        }

        /// <summary>Gives a slot back: to the waiting reader, which then runs on this thread.</summary>
        public void Release()
        {
            TaskCompletionSource<bool>? waiter;
            lock (_lock)
            {
                waiter = _waiter;
                _waiter = null;
                if (waiter == null) _free++;
            }
            if (waiter == null) return;
            _cancellation.Dispose();
            waiter.TrySetResult(true);
        }

        private void Cancel(TaskCompletionSource<bool> waiter, CancellationToken token)
        {
            lock (_lock)
            {
                if (_waiter != waiter) return;
                _waiter = null;
            }
            waiter.TrySetCanceled(token);
        }
    }
}
