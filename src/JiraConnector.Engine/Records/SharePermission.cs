using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>One share of a filter: with a group, a project (or one of its roles), a user,
    /// every logged-in user (authenticated) or everyone (global).</summary>
    public sealed class SharePermission : JiraRecord
    {
        internal SharePermission(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Filter = context.ParentId;
            Type = JsonRead.String(json, "type") ?? string.Empty;
            With = JsonRead.Name(json, "group") ?? JsonRead.Name(json, "role") ?? JsonRead.Name(json, "project", "key")
                ?? JsonRead.Name(json, "user", "displayName");
            Project = JsonRead.Name(json, "project", "key");
        }

        public string Id { get; }
        /// <summary>The id of the filter shared.</summary>
        public string? Filter { get; }
        /// <summary>group, project, projectRole, user, authenticated or global.</summary>
        public string Type { get; }
        /// <summary>The group, role, project or user shared with (empty for authenticated and global).</summary>
        public string? With { get; }
        /// <summary>The project of a project or project-role share.</summary>
        public string? Project { get; }

        public override string ToString() => With == null ? Type : Type + ":" + With;
    }
}
