using System;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A comment on an incident.</summary>
    public sealed class Comment : JiraRecord
    {
        internal Comment(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Incident = context.ParentId;
            Author = JsonRead.Name(json, "author", "displayName");
            Body = AdfText.ToPlainText(JsonRead.Child(json, "body"));
            Created = JsonRead.Date(json, "created");
            Updated = JsonRead.Date(json, "updated");
        }

        public string Id { get; }
        /// <summary>The key or id of the incident it belongs to.</summary>
        public string? Incident { get; }
        public string? Author { get; }
        /// <summary>Plain text; on Cloud converted from ADF (the ADF stays in Raw).</summary>
        public string? Body { get; }
        public DateTimeOffset? Created { get; }
        public DateTimeOffset? Updated { get; }

        public override string ToString() => Id;
    }
}
