using System;
using System.Management.Automation;
using JiraConnector.Events;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Polls Jira for incidents created or changed since the instance's high-water mark,
    /// streaming them as events; the next call goes on from where this one ended, and reports every
    /// change once.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraEvent", SupportsPaging = true)]
    [OutputType(typeof(JiraEvent))]
    public sealed class GetJiraEventCommand : JiraReadCmdlet
    {
        /// <summary>What to poll: incidents (the one object Jira can be asked "what changed since" about).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = "incidents";

        /// <summary>Start from this time instead of the high-water mark (which it then replaces). The
        /// first poll of an instance without -Since starts event.poller.refresh_interval (15 minutes)
        /// ago.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>A file that keeps the high-water mark between processes (per instance and object),
        /// so that a script run on a schedule reports every change once. Saved after each poll by
        /// writing a new file and renaming it over the old one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        protected override void ProcessRecord()
        {
            if (!string.Equals(Object.Trim().Trim('/'), "incidents", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.UnknownEventObject,
                    $"Get-JiraEvent polls incidents only; '{Object}' has no \"changed since\" search in Jira. Use Receive-JiraEvent for webhooks of other objects.", "Object"), Object));
            }
            if (Since != null && NextPage)
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.SinceWithNextPage,
                    "-Since and -NextPage contradict each other: -NextPage goes on from the high-water mark, -Since replaces it.", "Since"), Since));
            }
            var instance = ResolveInstance();
            var delivering = CallbackDelivery.IsEnabled(instance);
            var poller = new IncidentPoller(instance, Trace);
            var statePath = StatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath);
            var stateKey = PollStateFile.Key(instance, "incidents");
            try
            {
                if (statePath != null && Since == null) PollStateFile.Load(statePath, stateKey, poller.State.Mark);
            }
            catch (JiraOperationException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, StatePath));
            }
            RecordStream events;
            try
            {
                events = Await(poller.PollAsync(Since == null ? (DateTimeOffset?)null : new DateTimeOffset(Since.Value), Range, CancellationToken));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Object);
                return;
            }
            try
            {
                WriteRecords(events, Object, delivering ? ev => Deliver(instance, (JiraEvent)ev) : (Action<object>?)null);
            }
            finally
            {
                // Also after -First or an error: what was written is remembered, the rest comes next time.
                if (statePath != null) PollStateFile.Save(statePath, stateKey, poller.State.Mark);
            }
        }

        private void Deliver(JiraInstance instance, JiraEvent ev)
        {
            try
            {
                Await(CallbackDelivery.DeliverAsync(instance, ev, Trace, CancellationToken));
            }
            catch (EventDeliveryException ex)
            {
                WriteError(ErrorRecords.From(ex, ev));
            }
        }
    }
}
