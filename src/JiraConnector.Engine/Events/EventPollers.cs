using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Json;
using JiraConnector.Paging;

namespace JiraConnector.Events
{
    /// <summary>What can be polled: each object asks Jira "what changed since" its own way, and keeps
    /// a high-water mark per feed (an object may read more than one, as worklogs read changes and
    /// deletions).</summary>
    internal interface IEventPoller
    {
        /// <summary>The feeds this poller keeps marks for; -StatePath saves each under its name.</summary>
        IReadOnlyList<string> Feeds { get; }

        /// <summary>The events since the marks (or <paramref name="since"/>, which then replaces them).
        /// Only a read that reached its end moves the marks.</summary>
        Task<RecordStream> PollAsync(DateTimeOffset? since, ReadRange range, CancellationToken cancellationToken);
    }

    internal static class EventPollers
    {
        /// <summary>The objects Get-JiraEvent and Wait-JiraEvent poll, in the order they are read.</summary>
        public static readonly IReadOnlyList<string> Names = new[] { "incidents", "comments", "worklogs" };

        /// <summary>The poller of a name from <see cref="Names"/> (any case, slashes aside); null for any other.</summary>
        public static IEventPoller? For(JiraInstance instance, string name, IJiraTrace? trace)
        {
            switch (Normalize(name))
            {
                case "incidents": return new IncidentPoller(instance, IncidentPoller.IncidentsFeed, trace);
                case "comments": return new IncidentPoller(instance, IncidentPoller.CommentsFeed, trace);
                case "worklogs": return new WorklogPoller(instance, trace);
                default: return null;
            }
        }

        public static string Normalize(string name) => name.Trim().Trim('/').ToLowerInvariant();

        /// <summary>The mark of a feed, reset to <paramref name="since"/> when given, or started the
        /// instance's poll interval before Jira's clock on the first poll.</summary>
        public static PollMark OpenMark(JiraInstance instance, string feed, DateTimeOffset? since, DateTimeOffset serverTime)
        {
            var mark = InstanceEvents.For(instance).MarkOf(feed);
            if (since != null) mark.Reset(since.Value);
            else if (mark.From == null) mark.Reset(serverTime - instance.Events.PollInterval);
            return mark;
        }

        /// <summary>Jira's clock, not ours: a skewed local clock must not move a mark.</summary>
        public static async Task<DateTimeOffset> ServerTimeAsync(JiraInstance instance, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            using var info = await instance.Client.GetJsonAsync(new JiraRequest(HttpMethod.Get, instance.RestPath + "serverInfo"), trace, cancellationToken)
                .ConfigureAwait(false);
            return JsonRead.Date(info.RootElement, "serverTime") ?? DateTimeOffset.UtcNow;
        }
    }

    /// <summary>The newest updated time a poll has seen so far.</summary>
    internal sealed class NewestUpdate
    {
        public DateTimeOffset? Value { get; private set; }

        public void See(DateTimeOffset date)
        {
            if (Value == null || date > Value) Value = date;
        }
    }
}
