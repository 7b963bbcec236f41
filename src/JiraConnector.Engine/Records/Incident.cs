using System;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A Jira issue (the connector calls them incidents).</summary>
    public sealed class Incident : JiraRecord
    {
        internal Incident(JsonElement json, string instanceName) : this(json, new RecordContext(instanceName, "incidents"))
        {
        }

        internal Incident(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Key = JsonRead.String(json, "key") ?? string.Empty;
            var fields = JsonRead.Child(json, "fields") ?? default;
            Summary = JsonRead.String(fields, "summary");
            Description = AdfText.ToPlainText(JsonRead.Child(fields, "description"));
            Status = FieldDisplay.Text(fields, "status");
            Type = FieldDisplay.Text(fields, "issuetype");
            Priority = FieldDisplay.Text(fields, "priority");
            Project = FieldDisplay.Text(fields, "project");
            Assignee = FieldDisplay.Text(fields, "assignee");
            Reporter = FieldDisplay.Text(fields, "reporter");
            Resolution = FieldDisplay.Text(fields, "resolution");
            Labels = JsonRead.Strings(fields, "labels");
            Created = JsonRead.Date(fields, "created");
            Updated = JsonRead.Date(fields, "updated");
        }

        public string Id { get; }
        public string Key { get; }
        public string? Summary { get; }
        /// <summary>Plain text; on Cloud converted from ADF (the ADF stays in Raw).</summary>
        public string? Description { get; }
        public string? Status { get; }
        public string? Type { get; }
        public string? Priority { get; }
        public string? Project { get; }
        public string? Assignee { get; }
        public string? Reporter { get; }
        public string? Resolution { get; }
        public string[] Labels { get; }
        public DateTimeOffset? Created { get; }
        public DateTimeOffset? Updated { get; }

        public override string ToString() => Key;
    }
}
