using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A Jira Software board (Agile API). Its sprints are the resource boards/{id}/sprints.</summary>
    public sealed class Board : JiraRecord
    {
        internal Board(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name") ?? string.Empty;
            Type = JsonRead.String(json, "type");
            Project = JsonRead.Child(json, "location") is JsonElement location ? JsonRead.String(location, "projectKey") : null;
        }

        public string Id { get; }
        public string Name { get; }
        /// <summary>scrum, kanban or simple.</summary>
        public string? Type { get; }
        /// <summary>The key of the project the board shows.</summary>
        public string? Project { get; }

        public override string ToString() => Name;
    }
}
