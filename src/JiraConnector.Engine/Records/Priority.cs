using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>An issue priority.</summary>
    public sealed class Priority : JiraRecord
    {
        internal Priority(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            Description = JsonRead.String(json, "description");
            StatusColor = JsonRead.String(json, "statusColor");
            IsDefault = JsonRead.Bool(json, "isDefault") ?? false;
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }
        public string? StatusColor { get; }
        public bool IsDefault { get; }

        public override string ToString() => Name ?? Id;
    }
}
