using System;
using System.Text.Json;

namespace JiraConnector.Query
{
    /// <summary>How a field of an incident behaves in JQL, which decides what the translator can
    /// send to Jira exactly and what it must narrow and finish on the client.</summary>
    internal enum IncidentFieldKind
    {
        Key,        // PROJ-12: equality in JQL
        Id,         // a number: every comparison in JQL
        Reference,  // project, status, priority...: equality by name or id in JQL
        User,       // assignee, reporter: equality by account id, e-mail, name or display name
        Labels,     // several values: equality (any) in JQL
        Date,       // created, updated: JQL narrows a day either side, the client decides
        Text,       // summary, description: JQL ~ narrows by words, the client decides
        Number,     // a numeric custom field: every comparison in JQL with a number
    }

    /// <summary>One incident field: the names OCNQL accepts, its JQL name, the Jira field id to ask
    /// for, and how to read its value out of an issue's JSON for the client-side evaluator.</summary>
    internal sealed class IncidentField
    {
        public IncidentField(string jqlName, string jiraFieldId, IncidentFieldKind kind, Func<JsonElement, object?> read, Func<JsonElement, object?>? display = null)
        {
            JqlName = jqlName;
            JiraFieldId = jiraFieldId;
            Kind = kind;
            Read = read;
            Display = display ?? read;
        }

        public string JqlName { get; }

        /// <summary>The id for the fields parameter of a search ("summary", "customfield_10016").</summary>
        public string JiraFieldId { get; }

        public IncidentFieldKind Kind { get; }

        /// <summary>Reads the value from an issue as Jira returns it (id, key, fields{...}), for
        /// comparisons: a user or reference matches by any of its names.</summary>
        public Func<JsonElement, object?> Read { get; }

        /// <summary>The value as a select shows it: as the typed record and every other view
        /// render the field (Resources/FieldDisplay), a user by display name.</summary>
        public Func<JsonElement, object?> Display { get; }
    }
}
