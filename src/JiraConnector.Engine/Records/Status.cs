using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A workflow status and its category (To Do, In Progress, Done).</summary>
    public sealed class Status : JiraRecord
    {
        internal Status(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            Description = JsonRead.String(json, "description");
            Category = JsonRead.Name(json, "statusCategory");
            CategoryKey = JsonRead.Name(json, "statusCategory", "key");
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }
        public string? Category { get; }
        /// <summary>new, indeterminate or done.</summary>
        public string? CategoryKey { get; }

        public override string ToString() => Name ?? Id;
    }
}
