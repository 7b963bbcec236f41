using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A project category.</summary>
    public sealed class ProjectCategory : JiraRecord
    {
        internal ProjectCategory(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            Description = JsonRead.String(json, "description");
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }

        public override string ToString() => Name ?? Id;
    }
}
