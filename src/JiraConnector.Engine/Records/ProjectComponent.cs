using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A component of a project: a part of it that issues are filed against.</summary>
    public sealed class ProjectComponent : JiraRecord
    {
        internal ProjectComponent(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Project = context.ParentId ?? JsonRead.String(json, "project");
            Name = JsonRead.String(json, "name") ?? string.Empty;
            Lead = JsonRead.Name(json, "lead", "displayName");
            AssigneeType = JsonRead.String(json, "assigneeType");
            Description = JsonRead.String(json, "description");
        }

        public string Id { get; }
        /// <summary>The key of the project it belongs to.</summary>
        public string? Project { get; }
        public string Name { get; }
        public string? Lead { get; }
        /// <summary>Who new issues of the component go to: PROJECT_DEFAULT, COMPONENT_LEAD, PROJECT_LEAD or UNASSIGNED.</summary>
        public string? AssigneeType { get; }
        public string? Description { get; }

        public override string ToString() => Name;
    }
}
