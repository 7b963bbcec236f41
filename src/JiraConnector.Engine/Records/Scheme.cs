using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A notification, permission or issue security scheme.</summary>
    public sealed class Scheme : JiraRecord
    {
        internal Scheme(JsonElement json, RecordContext context, string kind) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            Description = JsonRead.String(json, "description");
            Kind = kind;
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }
        /// <summary>Notification, Permission or IssueSecurity.</summary>
        public string Kind { get; }

        public override string ToString() => Name ?? Id;
    }
}
