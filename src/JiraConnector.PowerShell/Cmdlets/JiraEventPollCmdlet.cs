using System;
using System.Management.Automation;
using JiraConnector.Events;
using JiraConnector.Events.Relay;
using JiraConnector.Errors;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of the polling cmdlets (Get-JiraEvent once, Wait-JiraEvent in a loop): what to
    /// poll, where the high-water mark is kept between processes, and one poll that writes its
    /// events, relays them to the callback URL and saves the mark, in that order, so a process
    /// killed at any point repeats nothing that was saved and misses nothing.</summary>
    public abstract class JiraEventPollCmdlet : JiraReadCmdlet
    {
        /// <summary>What to poll: incidents (the one object Jira can be asked "what changed since" about).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = "incidents";

        /// <summary>A file that keeps the high-water mark between processes (per instance and object),
        /// so that a script run on a schedule reports every change once. Saved after each poll by
        /// writing a new file and renaming it over the old one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        private RelayReporter? _reporter;

        /// <summary>The one reporter of this call's relaying.</summary>
        internal RelayReporter Reporter => _reporter ??= new RelayReporter(this);

        /// <summary>Refuses an object that cannot be polled, before anything is asked of Jira.</summary>
        private protected void RequirePollableObject()
        {
            if (string.Equals(Object.Trim().Trim('/'), "incidents", StringComparison.OrdinalIgnoreCase)) return;
            ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.UnknownEventObject,
                $"{MyInvocation.MyCommand.Name} polls incidents only; '{Object}' has no \"changed since\" search in Jira. Use Receive-JiraEvent for webhooks of other objects.", "Object"), Object));
        }

        /// <summary>One poll from the mark (or from <paramref name="since"/>); the number of events written.</summary>
        private protected int PollOnce(JiraInstance instance, EventRelay? relay, DateTimeOffset? since, ReadRange range)
        {
            var poller = new IncidentPoller(instance, Trace);
            var statePath = StatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath);
            var stateKey = PollStateFile.Key(instance, "incidents");
            try
            {
                if (statePath != null && since == null) PollStateFile.Load(statePath, stateKey, poller.State.Mark);
            }
            catch (JiraOperationException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, StatePath));
            }
            RecordStream events;
            try
            {
                events = Await(poller.PollAsync(since, range, CancellationToken));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Object);
                return 0;
            }
            var written = 0;
            try
            {
                WriteRecords(events, Object, ev =>
                {
                    written++;
                    if (relay == null) return;
                    relay.Add((JiraEvent)ev);
                    if (relay.IsFull) Reporter.Report(relay, Await(relay.FlushAsync(CancellationToken)));
                });
            }
            finally
            {
                // Queued before the mark is saved: a process killed in between relays them again, never not at all.
                relay?.QueueGathered();
                // Also after -First or an error: what was written is remembered, the rest comes next time.
                if (statePath != null) PollStateFile.Save(statePath, stateKey, poller.State.Mark);
            }
            if (relay != null) Reporter.Report(relay, Await(relay.SendAsync(CancellationToken)));
            return written;
        }
    }
}
