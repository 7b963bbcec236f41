using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using JiraConnector.Http;

namespace JiraConnector.Events
{
    /// <summary>What the events cmdlets keep per connected instance, in memory: the polling
    /// high-water mark, the user's time zone (JQL dates are read in it) and the HTTP client that
    /// delivers to the callback URL. Attached to the JiraInstance without changing it, and gone
    /// with it when the instance is disconnected and collected.</summary>
    internal sealed class InstanceEvents
    {
        private static readonly ConditionalWeakTable<JiraInstance, InstanceEvents> All = new ConditionalWeakTable<JiraInstance, InstanceEvents>();

        private readonly Lazy<HttpClient> _callbackClient;

        private InstanceEvents(JiraInstance instance)
        {
            // Its own client, never the Jira one: Jira's credentials must not reach the callback URL.
            // It goes through the instance's proxy settings like everything else the instance sends.
            _callbackClient = new Lazy<HttpClient>(() => new HttpClient(HttpHandlerFactory.Create(instance.Client.Settings), disposeHandler: true)
            {
                Timeout = TimeSpan.FromSeconds(30),
            });
        }

        public static InstanceEvents For(JiraInstance instance) => All.GetValue(instance, i => new InstanceEvents(i));

        public PollMark Mark { get; } = new PollMark();

        /// <summary>The user's time zone as Jira reported it (null until read; UTC-14h widening when unknown).</summary>
        public TimeZoneInfo? UserTimeZone { get; set; }

        public bool UserTimeZoneRead { get; set; }

        public HttpClient CallbackClient => _callbackClient.Value;
    }
}
