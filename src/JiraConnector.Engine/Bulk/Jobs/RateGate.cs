using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Makes all workers of a job back off together when Jira says it is near its limit,
    /// instead of each one running into a 429: X-RateLimit-NearLimit (Cloud), X-RateLimit-Remaining
    /// of 0 and a Retry-After on a successful answer (Data Center's token bucket). The HTTP pipeline
    /// still retries each 429 itself, honouring Retry-After.</summary>
    internal sealed class RateGate
    {
        private static readonly TimeSpan NearLimitPause = TimeSpan.FromMilliseconds(250);
        private long _notBeforeTicks;

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            var wait = new DateTime(Interlocked.Read(ref _notBeforeTicks), DateTimeKind.Utc) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        public void Observe(HttpResponseMessage response)
        {
            TimeSpan? pause = null;
            if (Header(response, "X-RateLimit-NearLimit") is string near && near.Equals("true", StringComparison.OrdinalIgnoreCase)) pause = NearLimitPause;
            if (Header(response, "X-RateLimit-Remaining") is string remaining && remaining.Trim() == "0")
            {
                pause = RetryAfter.From(response, DateTimeOffset.UtcNow) is TimeSpan after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
            }
            if (pause is TimeSpan value) Delay(value > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : value);
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

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}
