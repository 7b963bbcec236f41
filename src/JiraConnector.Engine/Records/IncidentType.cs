using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>An issue type (Bug, Task, Story...).</summary>
    public sealed class IncidentType : JiraRecord
    {
        internal IncidentType(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            Description = JsonRead.String(json, "description");
            Subtask = JsonRead.Bool(json, "subtask") ?? false;
            HierarchyLevel = (int?)JsonRead.Int64(json, "hierarchyLevel");
        }

        public string Id { get; }
        public string? Name { get; }
        public string? Description { get; }
        public bool Subtask { get; }
        /// <summary>-1 sub-task, 0 standard, 1 epic.</summary>
        public int? HierarchyLevel { get; }

        public override string ToString() => Name ?? Id;
    }
}
