using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Http
{
    /// <summary>Keeps the requests of one job or one read inside Jira's rate limit.
    ///
    /// Every sender backs off together when Jira says it is near its limit, instead of each one
    /// running into a 429: X-RateLimit-NearLimit (Cloud), X-RateLimit-Remaining of 0 and a
    /// Retry-After (Data Center's token bucket), or a 429 itself. The HTTP pipeline still retries
    /// each 429, honouring Retry-After.
    ///
    /// Senders that take a <see cref="RateSlot"/> (the parallel reads) also share an adaptive number
    /// of requests at once: it halves on each of those signals and climbs back by one after a run of
    /// answers without them, so a read settles at what the site allows. Slots are granted in the
    /// order they were asked for, so the request the pipeline waits for is never starved by later ones.</summary>
    internal sealed class RateGate
    {
        private static readonly TimeSpan NearLimitPause = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

        /// <summary>Answers without a signal, per request allowed at once, before one more is allowed.</summary>
        internal const int ClimbAfterPerSlot = 4;

        private readonly object _lock = new object();
        private readonly Queue<TaskCompletionSource<RateSlot>> _waiting = new Queue<TaskCompletionSource<RateSlot>>();
        private long _notBeforeTicks;
        private int _inUse;
        private int _calmAnswers;

        /// <summary>A gate for senders that only pause (bulk workers, whose number is fixed).</summary>
        public RateGate()
            : this(int.MaxValue)
        {
        }

        /// <summary>A gate that lets at most <paramref name="maxConcurrency"/> slots be held at once.</summary>
        public RateGate(int maxConcurrency)
        {
            MaxConcurrency = Math.Max(1, maxConcurrency);
            Limit = MaxConcurrency;
        }

        public int MaxConcurrency { get; }

        /// <summary>How many slots may be held now: MaxConcurrency until Jira signals its limit.</summary>
        public int Limit { get; private set; }

        /// <summary>Counts the decreases; a signal from a request sent before the last decrease was
        /// sent under the old limit and does not halve the new one again.</summary>
        internal int Generation { get; private set; }

        /// <summary>Waits until the pause that Jira asked for is over.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            var wait = new DateTime(Interlocked.Read(ref _notBeforeTicks), DateTimeKind.Utc) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Waits for a free slot (in turn), then for the pause to end. Dispose the slot when its request is done.</summary>
        public async Task<RateSlot> EnterAsync(CancellationToken cancellationToken)
        {
            Task<RateSlot> granted;
            lock (_lock)
            {
                if (_inUse < Limit && _waiting.Count == 0)
                {
                    _inUse++;
                    granted = Task.FromResult(new RateSlot(this, Generation));
                }
                else
                {
                    var waiter = new TaskCompletionSource<RateSlot>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _waiting.Enqueue(waiter);
                    granted = waiter.Task;
                }
            }
            RateSlot slot;
            using (cancellationToken.Register(() => Abandon(granted)))
            {
                slot = await granted.ConfigureAwait(false);
            }
            try
            {
                await WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                slot.Dispose();
                throw;
            }
            return slot;
        }

        /// <summary>Pauses every sender when an answer says Jira is near or over its limit.</summary>
        public void Observe(HttpResponseMessage response)
        {
            if (PauseFor(response) is TimeSpan pause) Delay(pause > LongestPause ? LongestPause : pause);
        }

        public void Delay(TimeSpan pause)
        {
            var until = (DateTime.UtcNow + pause).Ticks;
            long current;
            do
            {
                current = Interlocked.Read(ref _notBeforeTicks);
                if (current >= until) return;
            }
            while (Interlocked.CompareExchange(ref _notBeforeTicks, until, current) != current);
        }

        /// <summary>One answer to a request sent in a slot: a signal halves the limit (once per
        /// generation), a run of calm answers to requests sent under the present limit raises it by one.</summary>
        internal void ObserveInSlot(HttpResponseMessage response, int generation)
        {
            var signal = PauseFor(response) != null;
            Observe(response);
            lock (_lock)
            {
                if (signal)
                {
                    _calmAnswers = 0;
                    if (generation != Generation) return;
                    Generation++;
                    Limit = Math.Max(1, Limit / 2);
                    return;
                }
                // Only answers to requests sent under the present limit show that it is safe to raise.
                if (generation != Generation || !response.IsSuccessStatusCode || Limit >= MaxConcurrency) return;
                if (++_calmAnswers < Limit * ClimbAfterPerSlot) return;
                _calmAnswers = 0;
                Limit++;
            }
            GrantWaiting();
        }

        internal void Release()
        {
            lock (_lock) _inUse--;
            GrantWaiting();
        }

        private void GrantWaiting()
        {
            while (true)
            {
                TaskCompletionSource<RateSlot> next;
                int generation;
                lock (_lock)
                {
                    if (_inUse >= Limit || _waiting.Count == 0) return;
                    next = _waiting.Dequeue();
                    _inUse++;
                    generation = Generation;
                }
                // A waiter cancelled meanwhile gives its slot straight back.
                if (!next.TrySetResult(new RateSlot(this, generation))) Release();
            }
        }

        private void Abandon(Task<RateSlot> granted)
        {
            TaskCompletionSource<RateSlot>? cancelled = null;
            lock (_lock)
            {
                foreach (var waiter in _waiting)
                {
                    if (waiter.Task == granted) cancelled = waiter;
                }
            }
            cancelled?.TrySetCanceled();
        }

        private static TimeSpan? PauseFor(HttpResponseMessage response)
        {
            TimeSpan? pause = null;
            if (Header(response, "X-RateLimit-NearLimit") is string near && near.Equals("true", StringComparison.OrdinalIgnoreCase)) pause = NearLimitPause;
            var empty = Header(response, "X-RateLimit-Remaining") is string remaining && remaining.Trim() == "0";
            if (empty || (int)response.StatusCode == 429)
            {
                pause = RetryAfter.From(response, DateTimeOffset.UtcNow) is TimeSpan after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
            }
            return pause;
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
