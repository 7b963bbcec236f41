using System;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>Something that changed in Jira, normalized the connector's way: which object, what
    /// happened to it, and when; Jira's own JSON stays in Raw. ObjectType and ObjectId name the
    /// object as Get-JiraObject does (incidents OPS-1, incidents/OPS-1/comments 10001), so an event
    /// can be followed by a read of what it is about.</summary>
    public sealed class JiraEvent : IJiraJson
    {
        internal JiraEvent(string instanceName, string objectType, string objectId, JiraEventType eventType, DateTimeOffset date,
            string jiraEvent, JiraEventSource source, JsonElement json)
        {
            InstanceName = instanceName;
            ObjectType = objectType;
            ObjectId = objectId;
            EventType = eventType;
            Date = date;
            JiraEventName = jiraEvent;
            Source = source;
            Json = json;
        }

        /// <summary>The resource the object belongs to: incidents, incidents/OPS-1/comments, projects...</summary>
        public string ObjectType { get; }

        /// <summary>The object within ObjectType: an incident key, a comment or worklog id, a property key...</summary>
        public string ObjectId { get; }

        /// <summary>CREATED, UPDATED, DELETED or UNKNOWN.</summary>
        public JiraEventType EventType { get; }

        /// <summary>When it happened, as Jira reports it (the webhook's timestamp, or the incident's updated time).</summary>
        public DateTimeOffset Date { get; }

        /// <summary>Jira's name for it: jira:issue_updated, comment_created... (polled events: issue_created or issue_updated).</summary>
        public string JiraEventName { get; }

        /// <summary>Webhook (received from Jira) or Polling (found by Get-JiraEvent).</summary>
        public JiraEventSource Source { get; }

        /// <summary>The instance it came from (empty for a webhook received with no instance connected).</summary>
        public string InstanceName { get; }


        /// <summary>Jira's JSON text, exactly as received (the module's hidden RawJson member).</summary>
        internal string RawJson => Json.GetRawText();

        internal JsonElement Json { get; }

        object? IJiraJson.ToPlainValue() => JsonValue.ToPlain(Json);

        string IJiraJson.RawText => RawJson;

        public override string ToString() => $"{EventType} {ObjectType} {ObjectId}";
    }

    /// <summary>What happened to an object. The members are spelt as the connector sends them
    /// (CREATED, not Created), so they read the same here, in callbacks and in its documentation.</summary>
    public enum JiraEventType
    {
        /// <summary>The object is new.</summary>
        CREATED,
        /// <summary>The object changed.</summary>
        UPDATED,
        /// <summary>The object is gone.</summary>
        DELETED,
        /// <summary>Something else happened (a version released, a sprint started...): see Raw.</summary>
        UNKNOWN,
    }

    /// <summary>How an event was learnt of.</summary>
    public enum JiraEventSource
    {
        /// <summary>Jira pushed it to Receive-JiraEvent.</summary>
        Webhook,
        /// <summary>Get-JiraEvent found it by asking Jira what changed.</summary>
        Polling,
    }
}
