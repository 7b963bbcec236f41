using System;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A sprint of a board (Agile API). Its issues are the resource sprints/{id}/issues,
    /// which New-JiraObject moves issues into.</summary>
    public sealed class Sprint : JiraRecord
    {
        internal Sprint(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name") ?? string.Empty;
            State = JsonRead.String(json, "state");
            Board = JsonRead.String(json, "originBoardId") ?? context.ParentId;
            StartDate = JsonRead.Date(json, "startDate");
            EndDate = JsonRead.Date(json, "endDate");
            Goal = JsonRead.String(json, "goal");
        }

        public string Id { get; }
        public string Name { get; }
        /// <summary>future, active or closed.</summary>
        public string? State { get; }
        /// <summary>The id of the board it was made on.</summary>
        public string? Board { get; }
        public DateTimeOffset? StartDate { get; }
        public DateTimeOffset? EndDate { get; }
        public string? Goal { get; }

        public override string ToString() => Name;
    }
}
