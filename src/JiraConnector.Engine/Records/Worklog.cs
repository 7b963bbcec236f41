using System;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>Time logged on an incident.</summary>
    public sealed class Worklog : JiraRecord
    {
        internal Worklog(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            IssueId = JsonRead.String(json, "issueId");
            Incident = context.ParentId ?? IssueId;
            Author = JsonRead.Name(json, "author", "displayName");
            Comment = AdfText.ToPlainText(JsonRead.Child(json, "comment"));
            Started = JsonRead.Date(json, "started");
            TimeSpent = JsonRead.String(json, "timeSpent");
            TimeSpentSeconds = JsonRead.Int64(json, "timeSpentSeconds");
            Created = JsonRead.Date(json, "created");
            Updated = JsonRead.Date(json, "updated");
        }

        public string Id { get; }
        /// <summary>The incident's key when read through incidents/{key}/worklogs, else its id.</summary>
        public string? Incident { get; }
        public string? IssueId { get; }
        public string? Author { get; }
        /// <summary>Plain text; on Cloud converted from ADF (the ADF stays in Raw).</summary>
        public string? Comment { get; }
        public DateTimeOffset? Started { get; }
        /// <summary>Jira's own notation, e.g. "1h 30m".</summary>
        public string? TimeSpent { get; }
        public long? TimeSpentSeconds { get; }
        public DateTimeOffset? Created { get; }
        public DateTimeOffset? Updated { get; }

        public override string ToString() => Id;
    }
}
