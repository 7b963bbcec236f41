using System;
using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>One changelog entry of an incident: who changed what, when.</summary>
    public sealed class ChangeHistory : JiraRecord
    {
        internal ChangeHistory(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Incident = context.ParentId;
            Author = JsonRead.Name(json, "author", "displayName");
            Created = JsonRead.Date(json, "created");
            var changes = new List<string>();
            if (JsonRead.Child(json, "items") is JsonElement items && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    changes.Add($"{JsonRead.String(item, "field")}: '{JsonRead.String(item, "fromString")}' -> '{JsonRead.String(item, "toString")}'");
                }
            }
            Changes = changes.ToArray();
        }

        public string Id { get; }
        public string? Incident { get; }
        public string? Author { get; }
        public DateTimeOffset? Created { get; }
        /// <summary>Each changed field as "field: 'from' -> 'to'".</summary>
        public string[] Changes { get; }

        public override string ToString() => Id;
    }
}
