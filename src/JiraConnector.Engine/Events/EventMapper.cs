using System;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector.Events
{
    /// <summary>Turns what Jira says into <see cref="JiraEvent"/>s: a webhook body (named by its
    /// webhookEvent, "jira:issue_updated", "comment_created", "issue_property_set"...) or an incident
    /// found by polling (created or updated, told apart by its created and updated times).</summary>
    internal static class EventMapper
    {
        /// <summary>Jira gives a new incident the same created and updated time, to the millisecond,
        /// and a script can edit an incident a few milliseconds after creating it: no tolerance.</summary>
        internal static readonly TimeSpan CreatedTolerance = TimeSpan.Zero;

        public static JiraEvent FromWebhook(JsonElement body, string instanceName, DateTimeOffset receivedAt)
        {
            var name = JsonRead.String(body, "webhookEvent") ?? string.Empty;
            var (entity, action) = Split(name);
            var issue = JsonRead.Child(body, "issue");
            var issueRef = issue == null ? null : JsonRead.String(issue.Value, "key") ?? JsonRead.String(issue.Value, "id");
            string objectType;
            string? objectId;
            switch (entity)
            {
                case "issue":
                    objectType = "incidents";
                    objectId = issueRef;
                    break;
                case "comment":
                    objectType = Child("comments", issueRef);
                    objectId = Id(body, "comment");
                    break;
                case "worklog":
                    // Jira's worklog events carry the worklog (with issueId) and not always the issue.
                    objectType = Child("worklogs", issueRef ?? Id(body, "worklog", "issueId"));
                    objectId = Id(body, "worklog");
                    break;
                case "attachment":
                    objectType = Child("attachments", issueRef);
                    objectId = Id(body, "attachment");
                    break;
                case "issue_property":
                    objectType = Child("properties", issueRef);
                    objectId = Id(body, "property", "key");
                    break;
                case "project":
                    objectType = "projects";
                    objectId = Id(body, "project", "key") ?? Id(body, "project");
                    break;
                case "user":
                    objectType = "contacts";
                    objectId = Id(body, "user", "accountId") ?? Id(body, "user", "name");
                    break;
                case "issuelink":
                    objectType = "issuelinks";
                    objectId = Id(body, "issueLink");
                    break;
                default:
                    objectType = entity.Length == 0 ? "unknown" : entity + "s";
                    objectId = Id(body, entity);
                    break;
            }
            var timestamp = JsonRead.Int64(body, "timestamp");
            var date = timestamp == null ? receivedAt : DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value);
            return new JiraEvent(instanceName, objectType, objectId ?? string.Empty, TypeOf(action), date, name, JiraEventSource.Webhook, body);
        }

        public static JiraEvent FromPolledIncident(JsonElement issue, string instanceName)
        {
            var key = JsonRead.String(issue, "key") ?? JsonRead.String(issue, "id") ?? string.Empty;
            var fields = JsonRead.Child(issue, "fields") ?? default;
            var created = JsonRead.Date(fields, "created");
            var updated = JsonRead.Date(fields, "updated") ?? created ?? DateTimeOffset.UtcNow;
            var isNew = created != null && (updated - created.Value).Duration() <= CreatedTolerance;
            return new JiraEvent(instanceName, "incidents", key, isNew ? JiraEventType.CREATED : JiraEventType.UPDATED, updated,
                isNew ? "jira:issue_created" : "jira:issue_updated", JiraEventSource.Polling, issue);
        }

        /// <summary>A comment found on an incident that changed: incidents/KEY/comments, by its created and updated times.</summary>
        public static JiraEvent FromPolledComment(JsonElement comment, string issueKey, string instanceName) =>
            Polled(comment, Child("comments", issueKey), JsonRead.String(comment, "id"), "comment", instanceName);

        /// <summary>A worklog from worklog/updated (read through worklog/list): incidents/{issue id}/worklogs.</summary>
        public static JiraEvent FromPolledWorklog(JsonElement worklog, string instanceName) =>
            Polled(worklog, Child("worklogs", JsonRead.String(worklog, "issueId")), JsonRead.String(worklog, "id"), "worklog", instanceName);

        /// <summary>An entry of worklog/deleted ({worklogId, updatedTime}): only the id is left, so the
        /// object is named in the site-wide worklogs resource.</summary>
        public static JiraEvent FromDeletedWorklog(JsonElement entry, string instanceName)
        {
            var ms = JsonRead.Int64(entry, "updatedTime");
            var date = ms == null ? DateTimeOffset.UtcNow : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
            return new JiraEvent(instanceName, "worklogs", JsonRead.String(entry, "worklogId") ?? string.Empty, JiraEventType.DELETED, date,
                "worklog_deleted", JiraEventSource.Polling, entry);
        }

        /// <summary>A polled object with created and updated times: CREATED when they agree.</summary>
        private static JiraEvent Polled(JsonElement json, string objectType, string? id, string entity, string instanceName)
        {
            var created = JsonRead.Date(json, "created");
            var updated = JsonRead.Date(json, "updated") ?? created ?? DateTimeOffset.UtcNow;
            var isNew = created != null && (updated - created.Value).Duration() <= CreatedTolerance;
            return new JiraEvent(instanceName, objectType, id ?? string.Empty, isNew ? JiraEventType.CREATED : JiraEventType.UPDATED, updated,
                entity + (isNew ? "_created" : "_updated"), JiraEventSource.Polling, json);
        }

        /// <summary>"jira:issue_updated" -> (issue, updated); "issue_property_set" -> (issue_property, set).</summary>
        internal static (string Entity, string Action) Split(string webhookEvent)
        {
            var name = webhookEvent.StartsWith("jira:", StringComparison.Ordinal) ? webhookEvent.Substring(5) : webhookEvent;
            var cut = name.LastIndexOf('_');
            return cut <= 0 ? (name, string.Empty) : (name.Substring(0, cut), name.Substring(cut + 1));
        }

        private static JiraEventType TypeOf(string action)
        {
            switch (action)
            {
                case "created": return JiraEventType.CREATED;
                case "updated":
                case "set":
                    return JiraEventType.UPDATED;
                case "deleted": return JiraEventType.DELETED;
                default: return JiraEventType.UNKNOWN;
            }
        }

        private static string Child(string child, string? issue) => issue == null ? child : "incidents/" + issue + "/" + child;

        private static string? Id(JsonElement body, string entity, string property = "id")
        {
            var value = JsonRead.Child(body, entity);
            return value == null ? null : JsonRead.String(value.Value, property);
        }
    }
}
