using System.Text.Json;
using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The Agile API's boards (/rest/agile/1.0, both deployments): GET board (a page of boards, default 50; type, name,
/// projectKeyOrId), board/{id}, board/{id}/issue (the board's project's issues, narrowed by jql) and board/{id}/sprint
/// (scrum boards only; state filters; closed, then active, then future sprints); POST board (name, type, filterId,
/// location) and DELETE board/{id}, which takes the board's sprints with it. Issues come in the v2 shapes
/// (plain-text fields), as the Agile API gives them.
/// </summary>
public static class BoardEndpoints
{
    public const int DefaultPage = 50, MaxPage = 1000;

    public static void Map(RouteGroupBuilder agile, EmulatorState state)
    {
        agile.MapGet("/board", (HttpContext context) =>
        {
            var request = context.Request;
            var types = request.GetList("type");
            string name = request.Query["name"].ToString();
            var project = request.Query["projectKeyOrId"].ToString() is { Length: > 0 } p ? Lookup.Project(state, p) : null;
            var boards = state.Data.Boards.All()
                .Where(b => types.Count == 0 || types.Contains(b.Type))
                .Where(b => name.Length == 0 || b.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .Where(b => project is null || b.Project == project)
                .ToList();
            return Page(context, state, boards, AgileRenderer.WriteBoard);
        });

        agile.MapGet("/board/{boardId}", (HttpContext context, string boardId) =>
        {
            var board = Find(state, boardId);
            var ctx = Context(context, state);
            return JsonResponse.Ok(w => AgileRenderer.WriteBoard(w, board, ctx));
        });

        agile.MapPost("/board", async (HttpContext context) =>
        {
            var body = await context.Request.ReadJsonObjectAsync();
            string name = body.GetString("name") is { Length: > 0 } n ? n : throw JiraErrorException.Field("name", "The board name is required.");
            string type = body.GetString("type") is "scrum" or "kanban" ? body.GetString("type")! : throw JiraErrorException.Field("type", "The board type must be scrum or kanban.");
            // Jira's JSON reader takes a number in a string too, as PowerShell users often send ids.
            var filter = body["filterId"] is JsonValue f && long.TryParse(f.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long filterId)
                ? state.Data.Filters.Find(filterId) ?? throw JiraErrorException.Field("filterId", $"The filter {filterId} does not exist.")
                : throw JiraErrorException.Field("filterId", "The board's filter (filterId) is required.");
            // A board lives in a project: the location names it, or the filter's "project = KEY".
            string? key = (body["location"] as JsonObject)?["projectKeyOrId"]?.ToString() ?? ProjectOfJql(filter.Jql);
            var project = key is null ? throw JiraErrorException.Field("location", "The board's location (a project) is required.") : Lookup.Project(state, key);
            var board = new Board { Id = state.Data.Boards.NewId(), Name = name, Type = type, Project = project };
            state.Data.Boards.Add(board);
            var ctx = Context(context, state);
            return JsonResponse.Status(StatusCodes.Status201Created, w => AgileRenderer.WriteBoard(w, board, ctx));
        });

        agile.MapDelete("/board/{boardId}", (HttpContext context, string boardId) =>
        {
            var board = Find(state, boardId);
            // The board's sprints go with it; their issues return to the backlog.
            foreach (var sprint in state.Data.Sprints.All().Where(s => s.Board == board))
            {
                state.IssueService.Replace(null, i => i.Sprints, (i, s) => i.Sprints = s, sprint, null);
                state.Data.Sprints.Remove(sprint);
            }
            state.Data.Boards.Remove(board);
            return Results.NoContent();
        });

        agile.MapGet("/board/{boardId}/issue", (HttpContext context, string boardId) =>
        {
            var board = Find(state, boardId);
            return Issues(context, state, state.Data.Issues.Snapshot().Where(i => i.Project == board.Project));
        });

        agile.MapGet("/board/{boardId}/sprint", (HttpContext context, string boardId) =>
        {
            var board = Find(state, boardId);
            if (!board.HasSprints) throw JiraErrorException.BadRequest("The board does not support sprints.");
            var states = context.Request.GetList("state");
            if (states.FirstOrDefault(s => !Sprint.States.Contains(s)) is { } bad)
                throw JiraErrorException.BadRequest($"The sprint state '{bad}' is not valid: use future, active or closed.");
            var sprints = state.Data.Sprints.All()
                .Where(s => s.Board == board && (states.Count == 0 || states.Contains(s.State)))
                .OrderBy(s => s.State switch { "closed" => 0, "active" => 1, _ => 2 }).ThenBy(s => s.Id)
                .ToList();
            return Page(context, state, sprints, AgileRenderer.WriteSprint);
        });
    }

    /// <summary>The Agile API renders with version 2's rules (plain text, no ADF) on both deployments.</summary>
    public static ApiContext Context(HttpContext context, EmulatorState state) => ApiContext.From(context, 2, state.Options.Deployment);

    /// <summary>{maxResults, startAt, total, isLast, values}: a PageBean without links.</summary>
    public static IResult Page<T>(HttpContext context, EmulatorState state, IReadOnlyList<T> items, Action<Utf8JsonWriter, T, ApiContext> write)
    {
        var request = context.Request;
        var ctx = Context(context, state);
        int startAt = Math.Max(0, request.GetInt("startAt", 0));
        int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
        return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, items, startAt, maxResults, (writer, item) => write(writer, item, ctx), links: false));
    }

    /// <summary>
    /// SearchResults {expand, startAt, maxResults, total, issues} over some issues (a board's, a sprint's), in id order,
    /// narrowed by the jql parameter as a search would run it; fields default to *navigable.
    /// </summary>
    public static IResult Issues(HttpContext context, EmulatorState state, IEnumerable<Issue> scope)
    {
        var request = context.Request;
        string jql = request.Query["jql"].ToString();
        var filter = jql.Length == 0 ? null : state.Search.Compile(jql, context.CurrentUser()).Filter;
        var issues = scope.Where(i => filter is null || filter(i)).OrderBy(i => i.Id).ToList();
        var fields = FieldSelection.Parse(request.GetList("fields"), "*navigable");
        int startAt = Math.Max(0, request.GetInt("startAt", 0));
        int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
        var ctx = Context(context, state);
        return JsonResponse.Ok(w => SearchEndpoints.WriteSearchResults(w, issues, startAt, maxResults, fields, ctx));
    }

    private static string? ProjectOfJql(string jql) =>
        System.Text.RegularExpressions.Regex.Match(jql, @"\bproject\s*=\s*""?(\w+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : null;

    private static Board Find(EmulatorState state, string boardId) =>
        state.Data.Boards.Find(boardId) ?? throw JiraErrorException.NotFound($"The requested board cannot be viewed because it either does not exist or you do not have permission to view it.");
}
