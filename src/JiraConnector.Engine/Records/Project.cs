using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A Jira project.</summary>
    public sealed class Project : JiraRecord
    {
        internal Project(JsonElement json, string instanceName) : this(json, new RecordContext(instanceName, "projects"))
        {
        }

        internal Project(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Key = JsonRead.String(json, "key") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            ProjectType = JsonRead.String(json, "projectTypeKey");
            Lead = JsonRead.Name(json, "lead", "displayName");
            Category = JsonRead.Name(json, "projectCategory");
        }

        public string Id { get; }
        public string Key { get; }
        public string? Name { get; }
        public string? ProjectType { get; }
        public string? Lead { get; }
        public string? Category { get; }

        public override string ToString() => Key;
    }
}
