using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace JiraConnector.Events
{
    /// <summary>What the events cmdlets keep per connected instance, in memory: the polling
    /// high-water marks (one per feed: incidents, comments, worklogs, deleted worklogs) and the user's time zone (JQL dates are read in it). Attached to the JiraInstance without changing it, and gone
    /// with it when the instance is disconnected and collected.</summary>
    internal sealed class InstanceEvents
    {
        private static readonly ConditionalWeakTable<JiraInstance, InstanceEvents> All = new ConditionalWeakTable<JiraInstance, InstanceEvents>();

        public static InstanceEvents For(JiraInstance instance) => All.GetValue(instance, i => new InstanceEvents());

        private readonly ConcurrentDictionary<string, PollMark> _marks = new ConcurrentDictionary<string, PollMark>(StringComparer.Ordinal);

        /// <summary>The mark of one feed, such as "incidents" or "worklogs/deleted".</summary>
        public PollMark MarkOf(string feed) => _marks.GetOrAdd(feed, _ => new PollMark());

        /// <summary>The user's time zone as Jira reported it (null until read; UTC-14h widening when unknown).</summary>
        public TimeZoneInfo? UserTimeZone { get; set; }

        public bool UserTimeZoneRead { get; set; }
    }
}
