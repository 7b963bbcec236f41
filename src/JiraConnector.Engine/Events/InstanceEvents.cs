using System;
using System.Runtime.CompilerServices;

namespace JiraConnector.Events
{
    /// <summary>What the events cmdlets keep per connected instance, in memory: the polling
    /// high-water mark and the user's time zone (JQL dates are read in it). Attached to the JiraInstance without changing it, and gone
    /// with it when the instance is disconnected and collected.</summary>
    internal sealed class InstanceEvents
    {
        private static readonly ConditionalWeakTable<JiraInstance, InstanceEvents> All = new ConditionalWeakTable<JiraInstance, InstanceEvents>();

        public static InstanceEvents For(JiraInstance instance) => All.GetValue(instance, i => new InstanceEvents());

        public PollMark Mark { get; } = new PollMark();

        /// <summary>The user's time zone as Jira reported it (null until read; UTC-14h widening when unknown).</summary>
        public TimeZoneInfo? UserTimeZone { get; set; }

        public bool UserTimeZoneRead { get; set; }
    }
}
