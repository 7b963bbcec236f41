using System;
using System.Collections.Generic;
using System.Net.Http;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>Jira Software's boards and sprints (the Agile API), and moving incidents into a
    /// sprint: New-JiraObject sprints/ID/issues -Id OPS-1 moves it in, Remove-JiraObject moves it
    /// back to the backlog.</summary>
    internal static class AgileResources
    {
        private const int MaxAgilePage = 50;
        private const string SprintsExample = "boards/1/sprints";
        private const string SprintIssuesExample = "sprints/1/issues";

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("boards", "agile board, board/{id}", (instance, options) =>
                new OffsetPaging(startAt => Rest.Agile(HttpMethod.Get, "board", Page(options, startAt)), "values"),
                (json, context) => new Board(json, context))
            {
                RecordType = typeof(Board),
                PagingName = "page-bean (Agile API)",
                ReadOne = (instance, options, id) => Rest.Agile(HttpMethod.Get, "board/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Agile(HttpMethod.Post, "board", body: body),
                Delete = (instance, options, id) => Rest.Agile(HttpMethod.Delete, "board/" + Rest.Segment(id)),
                // Jira has no call that changes a board.
                JiraRefuses = new[] { "PATCH" },
                FieldNames = new[] { "name", "type (scrum, kanban)", "filterId (the board's saved search)", "location (@{ type = 'project'; projectKeyOrId = 'OPS' })" },
            };
            yield return new ResourceDefinition("boards/{id}/sprints", "agile board/{id}/sprint, sprint/{id}", (instance, options) =>
                new OffsetPaging(startAt => Rest.Agile(HttpMethod.Get, "board/" + Rest.Parent(options, SprintsExample) + "/sprint", Page(options, startAt)), "values"),
                (json, context) => new Sprint(json, context))
            {
                RecordType = typeof(Sprint),
                PagingName = "page-bean (Agile API)",
                ReadOne = (instance, options, id) => Rest.Agile(HttpMethod.Get, "sprint/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Agile(HttpMethod.Post, "sprint", body: body),
                // POST sprint/{id} changes only the fields given (PUT would clear the others).
                Update = (instance, options, id, body) => Rest.Agile(HttpMethod.Post, "sprint/" + Rest.Segment(id), body: body),
                Delete = (instance, options, id) => Rest.Agile(HttpMethod.Delete, "sprint/" + Rest.Segment(id)),
                ParentField = "originBoardId",
                FieldNames = new[] { "name", "goal", "startDate", "endDate", "state (future, active, closed)" },
            };
            yield return new ResourceDefinition("sprints/{id}/issues", "agile sprint/{id}/issue, backlog/issue", (instance, options) =>
                new OffsetPaging(startAt => Rest.Agile(HttpMethod.Get, "sprint/" + Rest.Parent(options, SprintIssuesExample) + "/issue", Page(options, startAt)), "issues"),
                (json, context) => new Incident(json, context))
            {
                RecordType = typeof(Incident),
                PagingName = "offset (Agile API)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "issue/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Agile(HttpMethod.Post, "sprint/" + Rest.Parent(options, SprintIssuesExample) + "/issue", body: body),
                // Out of a sprint is into the backlog.
                Delete = (instance, options, id) => Rest.Agile(HttpMethod.Post, "backlog/issue", body: SprintIssues(id)),
                WriteShape = WriteShape.SprintIssue,
                AnswersWithRecord = false,
            };
        }

        private static QueryString Page(ReadOptions options, long startAt) =>
            new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxAgilePage));

        /// <summary>{"issues":["OPS-1"]}: the body of moving one incident.</summary>
        internal static string SprintIssues(string key) =>
            "{\"issues\":[" + System.Text.Json.JsonSerializer.Serialize(key) + "]}";
    }
}
