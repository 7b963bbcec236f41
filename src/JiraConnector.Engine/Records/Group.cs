using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A Jira group. Its members are the resource groups/{name}/members.</summary>
    public sealed class Group : JiraRecord
    {
        internal Group(JsonElement json, RecordContext context) : base(json, context)
        {
            Name = JsonRead.String(json, "name") ?? string.Empty;
            GroupId = JsonRead.String(json, "groupId");
        }

        /// <summary>The name, which every Jira accepts to look the group up.</summary>
        public string Id => Name;
        public string Name { get; }
        /// <summary>Cloud's stable group id (none on Data Center).</summary>
        public string? GroupId { get; }

        public override string ToString() => Name;
    }
}
