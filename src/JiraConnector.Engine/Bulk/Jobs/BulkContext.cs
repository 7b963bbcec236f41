using System;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>What every operation of one job shares: the instance, the job's id (for markers),
    /// the rate gate, the cancellation and the retry policy of the job's own retries (above the
    /// HTTP pipeline's).</summary>
    internal sealed class BulkContext
    {
        public BulkContext(JiraInstance instance, string jobId, CancellationToken cancellation)
        {
            Instance = instance;
            JobId = jobId;
            Cancellation = cancellation;
            BaseDelay = instance.Client.Settings.BaseDelay;
        }

        public JiraInstance Instance { get; }
        public string JobId { get; }
        public CancellationToken Cancellation { get; }
        public RateGate Gate { get; } = new RateGate();

        /// <summary>When the job first started (a resumed job keeps its first start): the scan for
        /// markers looks at issues created since then when it knows no later time.</summary>
        public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.Now;

        /// <summary>On resume, when the earliest row a killed process left in flight was sent (from
        /// the journal): the scan for those rows' markers need look back no further.</summary>
        public DateTimeOffset? InFlightSince { get; set; }

        /// <summary>Set once Jira refused JQL on the marker property (no app indexes it): later
        /// lookups of this run go straight to the scan.</summary>
        public bool MarkerJqlRefused
        {
            get => Volatile.Read(ref _markerJqlRefused);
            set => Volatile.Write(ref _markerJqlRefused, value);
        }

        private bool _markerJqlRefused;

        /// <summary>How often a create whose fate was unknown is looked up and sent again before its
        /// records are reported as failed (the pipeline never repeats a create by itself).</summary>
        public int MaxAttempts { get; set; } = 6;

        public TimeSpan BaseDelay { get; set; }

        /// <summary>Exponential backoff, capped at 30 s: attempt 1 waits BaseDelay.</summary>
        public Task BackoffAsync(int attempt)
        {
            var milliseconds = Math.Min(30000, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
            return Task.Delay(TimeSpan.FromMilliseconds(milliseconds), Cancellation);
        }
    }
}
