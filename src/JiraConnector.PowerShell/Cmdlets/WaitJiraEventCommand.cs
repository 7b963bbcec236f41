using System;
using System.Management.Automation;
using JiraConnector.Events.Relay;
using JiraConnector.Paging;

namespace JiraConnector.Cmdlets
{
    /// <summary>Polls Jira again and again, every event.poller.refresh_interval or -IntervalSec,
    /// streaming incidents, comments and worklogs as they change, until -Count events arrived,
    /// -TimeoutSec passed, or Ctrl+C. Each poll is the one Get-JiraEvent makes: the same marks,
    /// the same -StatePath, the same relay.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "JiraEvent")]
    [OutputType(typeof(JiraEvent))]
    public sealed class WaitJiraEventCommand : JiraEventPollCmdlet
    {
        // The progress bar's id, apart from Wait-JiraBulkJob's (which number their jobs from 1).
        private const int ProgressId = 0x4A45;

        /// <summary>Seconds between polls (default: the instance's event.poller.refresh_interval,
        /// 15 minutes unless the connection sets it).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int IntervalSec { get; set; }

        /// <summary>Stop after this many events.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Stop waiting after this many seconds (default: wait until -Count or Ctrl+C). A
        /// poll under way when the time runs out finishes first, so nothing it read is lost.</summary>
        [Parameter]
        [Alias("Timeout")]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; }

        protected override void ProcessRecord()
        {
            var objects = PollableObjects();
            var since = SinceOrMark();
            var instance = ResolveInstance();
            var relay = EventRelay.For(instance, EventRelay.PolledPerNotification, Trace);
            var interval = IntervalSec > 0 ? TimeSpan.FromSeconds(IntervalSec) : instance.Events.PollInterval;
            var deadline = TimeoutSec > 0 ? DateTimeOffset.UtcNow.AddSeconds(TimeoutSec) : DateTimeOffset.MaxValue;
            var received = 0;
            try
            {
                while (true)
                {
                    var left = Count > 0 ? (ulong)(Count - received) : ulong.MaxValue;
                    received += PollOnce(instance, objects, relay, since, new ReadRange(0, left, PageSize));
                    // -Since is where the first poll starts; the marks carry on from there.
                    since = null;
                    if (Count > 0 && received >= Count) return;
                    if (!WaitForNextPoll(DateTimeOffset.UtcNow + interval, deadline, received))
                    {
                        if (!Stopping) WriteVerbose($"no more waiting: -TimeoutSec {TimeoutSec} passed after {received} event(s)");
                        return;
                    }
                }
            }
            finally
            {
                WriteProgressQuietly(new ProgressRecord(ProgressId, "Waiting for Jira events", "done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>Sleeps until the next poll, showing when it comes; false when the deadline (or
        /// Ctrl+C) comes first.</summary>
        private bool WaitForNextPoll(DateTimeOffset nextPoll, DateTimeOffset deadline, int received)
        {
            while (true)
            {
                var now = DateTimeOffset.UtcNow;
                if (now >= deadline) return false;
                if (now >= nextPoll) return true;
                WriteProgress(new ProgressRecord(ProgressId, "Waiting for Jira events",
                    $"{received} event(s) so far; next poll at {nextPoll.ToLocalTime():HH:mm:ss}"));
                var sleep = Min(nextPoll, deadline) - now;
                // A second at most, so the bar stays current; Ctrl+C wakes it at once.
                if (CancellationToken.WaitHandle.WaitOne(sleep < TimeSpan.FromSeconds(1) ? sleep : TimeSpan.FromSeconds(1))) return false;
            }
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
