using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JiraConnector.Completers;
using JiraConnector.Events;
using JiraConnector.Events.Relay;
using JiraConnector.Errors;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of the polling cmdlets (Get-JiraEvent once, Wait-JiraEvent in a loop): what to
    /// poll, where the high-water marks are kept between processes, and one poll that writes its
    /// events, relays them to the callback URL and saves the marks, in that order, so a process
    /// killed at any point repeats nothing that was saved and misses nothing.</summary>
    public abstract class JiraEventPollCmdlet : JiraReadCmdlet
    {
        /// <summary>What to poll: incidents, comments (found through their incident's update) and
        /// worklogs (changed and deleted), one or several, read in that order.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PollableObjectCompleter))]
        public string[] Object { get; set; } = { "incidents" };

        /// <summary>A file that keeps the high-water marks between processes (per instance and
        /// object), so that a script run on a schedule reports every change once. Saved after each
        /// poll by writing a new file and renaming it over the old one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        /// <summary>Start from this time instead of the high-water mark (which it then replaces). The
        /// first poll of an instance without -Since starts event.poller.refresh_interval (15 minutes)
        /// ago.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        private RelayReporter? _reporter;

        /// <summary>The one reporter of this call's relaying.</summary>
        internal RelayReporter Reporter => _reporter ??= new RelayReporter(this);

        /// <summary>The objects asked for, each once, in the order Jira is asked; refuses an object
        /// that cannot be polled before anything is asked of Jira.</summary>
        private protected IReadOnlyList<string> PollableObjects()
        {
            foreach (var name in Object)
            {
                if (EventPollers.Names.Contains(EventPollers.Normalize(name))) continue;
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.UnknownEventObject,
                    $"{MyInvocation.MyCommand.Name} polls {string.Join(", ", EventPollers.Names)}; '{name}' has no \"changed since\" search in Jira. Use Receive-JiraEvent for webhooks of other objects.", "Object"), name));
            }
            return EventPollers.Names.Where(n => Object.Any(o => EventPollers.Normalize(o) == n)).ToList();
        }

        /// <summary>-Since as a time, or null to go on from the marks; refuses -Since with -NextPage.</summary>
        private protected DateTimeOffset? SinceOrMark()
        {
            if (Since == null) return null;
            if (NextPage)
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.SinceWithNextPage,
                    "-Since and -NextPage contradict each other: -NextPage goes on from the high-water mark, -Since replaces it.", "Since"), Since));
            }
            return new DateTimeOffset(Since.Value);
        }

        /// <summary>One poll of each object from its marks (or from <paramref name="since"/>); the
        /// number of events written. -First and -Skip count over all objects together.</summary>
        private protected int PollOnce(JiraInstance instance, IReadOnlyList<string> objects, EventRelay? relay, DateTimeOffset? since, ReadRange range)
        {
            var statePath = StatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath);
            var written = 0;
            var skip = range.Skip;
            try
            {
                foreach (var name in objects)
                {
                    if ((ulong)written >= range.First) break;
                    var poller = EventPollers.For(instance, name, Trace)!;
                    if (statePath != null && since == null) LoadMarks(statePath, instance, poller);
                    RecordStream events;
                    try
                    {
                        events = Await(poller.PollAsync(since, new ReadRange(skip, range.First - (ulong)written, range.PageSize), CancellationToken));
                    }
                    catch (JiraApiException ex)
                    {
                        ThrowJiraError(ex, name);
                        return written;
                    }
                    try
                    {
                        WriteRecords(events, name, ev =>
                        {
                            written++;
                            if (relay == null) return;
                            relay.Add((JiraEvent)ev);
                            if (relay.IsFull) Reporter.Report(relay, Await(relay.FlushAsync(CancellationToken)));
                        });
                    }
                    finally
                    {
                        // Queued before the marks are saved: a process killed in between relays them again, never not at all.
                        relay?.QueueGathered();
                        // Also after -First or an error: what was written is remembered, the rest comes next time.
                        if (statePath != null) SaveMarks(statePath, instance, poller);
                    }
                    skip = events.SkipLeft;
                }
            }
            finally
            {
                relay?.QueueGathered();
            }
            if (relay != null) Reporter.Report(relay, Await(relay.SendAsync(CancellationToken)));
            return written;
        }

        private void LoadMarks(string statePath, JiraInstance instance, IEventPoller poller)
        {
            try
            {
                foreach (var feed in poller.Feeds) PollStateFile.Load(statePath, PollStateFile.Key(instance, feed), InstanceEvents.For(instance).MarkOf(feed));
            }
            catch (JiraOperationException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, StatePath));
            }
        }

        private static void SaveMarks(string statePath, JiraInstance instance, IEventPoller poller)
        {
            foreach (var feed in poller.Feeds) PollStateFile.Save(statePath, PollStateFile.Key(instance, feed), InstanceEvents.For(instance).MarkOf(feed));
        }
    }
}
