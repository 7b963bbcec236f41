using System;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A version (release) of a project, as fix versions and affected versions name it.</summary>
    public sealed class ProjectVersion : JiraRecord
    {
        internal ProjectVersion(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Project = context.ParentId ?? JsonRead.String(json, "projectId");
            Name = JsonRead.String(json, "name") ?? string.Empty;
            Released = JsonRead.Bool(json, "released") ?? false;
            Archived = JsonRead.Bool(json, "archived") ?? false;
            StartDate = JsonRead.Date(json, "startDate");
            ReleaseDate = JsonRead.Date(json, "releaseDate");
            Description = JsonRead.String(json, "description");
        }

        public string Id { get; }
        /// <summary>The key of the project it was read through (its id when read by itself).</summary>
        public string? Project { get; }
        public string Name { get; }
        public bool Released { get; }
        public bool Archived { get; }
        public DateTimeOffset? StartDate { get; }
        public DateTimeOffset? ReleaseDate { get; }
        public string? Description { get; }

        public override string ToString() => Name;
    }
}
