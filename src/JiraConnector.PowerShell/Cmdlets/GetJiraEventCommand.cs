using System;
using System.Management.Automation;
using JiraConnector.Events.Relay;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Polls Jira for incidents, comments and worklogs created, changed (or, for worklogs,
    /// deleted) since the instance's high-water marks, streaming them as events; the next call goes on from where this one ended, and reports every
    /// change once.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraEvent", SupportsPaging = true)]
    [OutputType(typeof(JiraEvent))]
    public sealed class GetJiraEventCommand : JiraEventPollCmdlet
    {
        /// <summary>Start from this time instead of the high-water mark (which it then replaces). The
        /// first poll of an instance without -Since starts event.poller.refresh_interval (15 minutes)
        /// ago.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        protected override void ProcessRecord()
        {
            var objects = PollableObjects();
            if (Since != null && NextPage)
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.SinceWithNextPage,
                    "-Since and -NextPage contradict each other: -NextPage goes on from the high-water mark, -Since replaces it.", "Since"), Since));
            }
            var instance = ResolveInstance();
            var relay = EventRelay.For(instance, EventRelay.PolledPerNotification, Trace);
            PollOnce(instance, objects, relay, Since == null ? (DateTimeOffset?)null : new DateTimeOffset(Since.Value), Range);
        }
    }
}
