using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using JiraConnector.Events;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;

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

        protected override void ProcessRecord()
        {
            if (!string.Equals(Object.Trim().Trim('/'), "incidents", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(new ArgumentException(
                    $"Get-JiraEvent polls incidents only; '{Object}' has no \"changed since\" search in Jira. Use Receive-JiraEvent for webhooks of other objects.", "Object"),
                    EventErrorIds.UnknownEventObject, Object));
            }
            if (Since != null && NextPage)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(new ArgumentException(
                    "-Since and -NextPage contradict each other: -NextPage goes on from the high-water mark, -Since replaces it.", "Since"),
                    EventErrorIds.SinceWithNextPage, Since));
            }
            var instance = ResolveInstance();
            var poller = new IncidentPoller(instance, Trace);
            var mark = poller.State.Mark;
            var delivering = CallbackDelivery.IsEnabled(instance);
            PollWindow window;
            try
            {
                window = Await(poller.OpenAsync(Since == null ? (DateTimeOffset?)null : new DateTimeOffset(Since.Value), PageSize, CancellationToken));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Object);
                return;
            }

            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            var reader = new PagedReader(instance.Client, Trace);
            var items = reader.ReadAsync(PageCursor.Start(window.Paging), CancellationToken).GetAsyncEnumerator();
            var toSkip = PagingParameters.Skip;
            var toWrite = PagingParameters.First;
            DateTimeOffset? newest = null;
            var complete = false;
            try
            {
                while (true)
                {
                    if (toWrite == 0) break;
                    if (!MoveNext(items))
                    {
                        complete = true;
                        break;
                    }
                    var ev = EventMapper.FromPolledIncident(items.Current, instance.Name);
                    if (newest == null || ev.Date > newest) newest = ev.Date;
                    // Claimed before -Skip: a skipped event counts as passed over, not as still to come.
                    if (!mark.TryClaim(ev.ObjectId, ev.Date)) continue;
                    if (toSkip > 0)
                    {
                        toSkip--;
                        continue;
                    }
                    WriteObject(ev);
                    toWrite--;
                    if (delivering) Deliver(instance, ev);
                }
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Object);
            }
            finally
            {
                Await(items.DisposeAsync().AsTask());
            }
            // Only a read that reached the end moves the mark: stopping early (-First, Ctrl+C, an
            // error) leaves the rest to the next call, and what was written is remembered.
            var next = complete ? IncidentPoller.NextMark(newest, window.ServerTime) : null;
            if (next != null) mark.Advance(next.Value);
            WriteVerbose($"high-water mark of {instance.Name}: {mark.From!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z ({mark.SeenCount} incident states remembered in its minute)");
        }

        private void Deliver(JiraInstance instance, JiraEvent ev)
        {
            try
            {
                Await(CallbackDelivery.DeliverAsync(instance, ev, Trace, CancellationToken));
            }
            catch (EventDeliveryException ex)
            {
                WriteError(new ErrorRecord(ex, EventErrorIds.CallbackFailed, ErrorCategory.ConnectionError, ev));
            }
        }

        private bool MoveNext(IAsyncEnumerator<JsonElement> items)
        {
            var next = items.MoveNextAsync();
            return next.IsCompletedSuccessfully ? next.Result : Await(next.AsTask());
        }
    }
}
