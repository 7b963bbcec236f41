using System;
using System.Management.Automation;
using JiraConnector.Events.Relay;

namespace JiraConnector.Cmdlets
{
    /// <summary>Polls Jira for incidents, comments and worklogs created, changed (or, for worklogs,
    /// deleted) since the instance's high-water marks, streaming them as events; the next call goes on from where this one ended, and reports every
    /// change once.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraEvent", SupportsPaging = true)]
    [OutputType(typeof(JiraEvent))]
    public sealed class GetJiraEventCommand : JiraEventPollCmdlet
    {
        protected override void ProcessRecord()
        {
            var objects = PollableObjects();
            var since = SinceOrMark();
            var instance = ResolveInstance();
            var relay = EventRelay.For(instance, EventRelay.PolledPerNotification, Trace);
            PollOnce(instance, objects, relay, since, Range);
        }
    }
}
