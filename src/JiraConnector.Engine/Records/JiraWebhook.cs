using System;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A webhook registered in Jira, of either kind. Admin webhooks may hold a secret, which
    /// Jira never returns, so no property can show it.</summary>
    public sealed class JiraWebhook : IJiraJson
    {
        internal JiraWebhook(string instanceName, JiraWebhookKind kind, long id, string? name, string url, string[] events, string? jql,
            bool enabled, DateTimeOffset? expires, JsonElement json)
        {
            InstanceName = instanceName;
            Kind = kind;
            Id = id;
            Name = name;
            Url = url;
            Events = events;
            Jql = jql;
            Enabled = enabled;
            Expires = expires;
            Json = json;
        }

        /// <summary>Jira's id of the webhook; Unregister-JiraWebhook takes it.</summary>
        public long Id { get; }

        /// <summary>Dynamic (registered by an OAuth 2.0 app, expires after 30 days) or Admin (/rest/webhooks/1.0).</summary>
        public JiraWebhookKind Kind { get; }

        /// <summary>The admin webhook's name (dynamic webhooks have none).</summary>
        public string? Name { get; }

        /// <summary>Where Jira POSTs the events.</summary>
        public string Url { get; }

        /// <summary>Jira's event names: jira:issue_created, comment_updated...</summary>
        public string[] Events { get; }

        /// <summary>The JQL that picks the issues whose events are sent.</summary>
        public string? Jql { get; }

        public bool Enabled { get; }

        /// <summary>When a dynamic webhook lapses unless refreshed; null for admin webhooks.</summary>
        public DateTimeOffset? Expires { get; }

        public string InstanceName { get; }

        internal JsonElement Json { get; }

        object? IJiraJson.ToPlainValue() => JsonValue.ToPlain(Json);

        string IJiraJson.RawText => Json.GetRawText();

        public override string ToString() => $"{Kind} webhook {Id} -> {Url}";
    }

    /// <summary>Which of Jira's two webhook APIs a webhook lives in.</summary>
    public enum JiraWebhookKind
    {
        /// <summary>/rest/api/3/webhook: registered by OAuth 2.0 (or Connect) apps, with a JQL filter, lapsing after 30 days.</summary>
        Dynamic,
        /// <summary>/rest/webhooks/1.0/webhook: an administrator's webhook, optionally signed with a secret.</summary>
        Admin,
    }
}
