using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The Agile API's sprints (/rest/agile/1.0): POST sprint (201, future, on a scrum board), GET sprint/{id}, PUT (a full
/// update: a goal left out is cleared) and POST (a partial one) sprint/{id}, DELETE sprint/{id} (in any state, as the
/// spec gives it no 400; its issues go back to the backlog), sprint/{id}/issue (GET its issues; POST moves at most 50 issues into it, which
/// must be open) and POST backlog/issue (at most 50 issues out of their open sprint). A sprint starts (future to
/// active) only with start and end dates, closes (active to closed) with a complete date, and a closed sprint keeps
/// its dates and state; names are at most 30 characters, as in Jira Software.
/// </summary>
public static class SprintEndpoints
{
    public const int MaxIssuesMoved = 50;
    public const int MaxName = 30;

    public static void Map(RouteGroupBuilder agile, EmulatorState state)
    {
        agile.MapPost("/sprint", async (HttpContext context) =>
        {
            var body = await context.Request.ReadJsonObjectAsync();
            long boardId = body["originBoardId"] is JsonValue v && v.TryGetValue(out long id) ? id
                : throw JiraErrorException.Field("originBoardId", "The board of the sprint (originBoardId) is required.");
            var board = state.Data.Boards.Find(boardId) ?? throw JiraErrorException.NotFound($"Board {boardId} does not exist.");
            if (!board.HasSprints) throw JiraErrorException.BadRequest("The board does not support sprints.");
            var sprint = new Sprint { Id = state.Data.Sprints.NewId(), Board = board, Name = "", CreatedDate = state.Time.GetUtcNow() };
            Update(sprint, body, state, full: true);
            state.Data.Sprints.Add(sprint);
            var ctx = BoardEndpoints.Context(context, state);
            return JsonResponse.Status(StatusCodes.Status201Created, w => AgileRenderer.WriteSprint(w, sprint, ctx));
        });

        agile.MapGet("/sprint/{sprintId}", (HttpContext context, string sprintId) =>
        {
            var sprint = Find(state, sprintId);
            var ctx = BoardEndpoints.Context(context, state);
            return JsonResponse.Ok(w => AgileRenderer.WriteSprint(w, sprint, ctx));
        });

        foreach (var (method, full) in new[] { ("PUT", true), ("POST", false) })
        {
            agile.MapMethods("/sprint/{sprintId}", [method], async (HttpContext context, string sprintId) =>
            {
                var sprint = Find(state, sprintId);
                Update(sprint, await context.Request.ReadJsonObjectAsync(), state, full);
                state.Data.Issues.MarkChanged();
                var ctx = BoardEndpoints.Context(context, state);
                return JsonResponse.Ok(w => AgileRenderer.WriteSprint(w, sprint, ctx));
            });
        }

        agile.MapDelete("/sprint/{sprintId}", (HttpContext context, string sprintId) =>
        {
            var sprint = Find(state, sprintId);
            // Issues of any project can be in the sprint: all of them lose it.
            state.IssueService.Replace(null, i => i.Sprints, (i, s) => i.Sprints = s, sprint, null);
            state.Data.Sprints.Remove(sprint);
            return Results.NoContent();
        });

        agile.MapGet("/sprint/{sprintId}/issue", (HttpContext context, string sprintId) =>
        {
            var sprint = Find(state, sprintId);
            return BoardEndpoints.Issues(context, state, state.Data.Issues.Snapshot().Where(i => Members(i, sprint)));
        });

        agile.MapPost("/sprint/{sprintId}/issue", async (HttpContext context, string sprintId) =>
        {
            var sprint = Find(state, sprintId);
            if (!sprint.IsOpen) throw JiraErrorException.BadRequest("Issues can be moved only to an active or a future sprint.");
            var issues = await MovedIssues(context, state);
            state.IssueService.MoveToSprint(issues, sprint, context.CurrentUser());
            return Results.NoContent();
        });

        agile.MapPost("/backlog/issue", async (HttpContext context) =>
        {
            var issues = await MovedIssues(context, state);
            state.IssueService.MoveToSprint(issues, null, context.CurrentUser());
            return Results.NoContent();
        });
    }

    private static bool Members(Issue issue, Sprint sprint)
    {
        lock (issue.Gate) return issue.Sprints.Contains(sprint);
    }

    private static Sprint Find(EmulatorState state, string sprintId) =>
        state.Data.Sprints.Find(sprintId) ?? throw JiraErrorException.NotFound($"Sprint with id {sprintId} does not exist or you do not have permission to see it.");

    /// <summary>The body's "issues": keys or ids, 1 to 50 of them, each an issue that exists.</summary>
    private static async Task<List<Issue>> MovedIssues(HttpContext context, EmulatorState state)
    {
        var body = await context.Request.ReadJsonObjectAsync();
        var named = body.GetStrings("issues");
        if (named.Count == 0) throw JiraErrorException.Field("issues", "The issues to move are required.");
        if (named.Count > MaxIssuesMoved) throw JiraErrorException.BadRequest($"At most {MaxIssuesMoved} issues can be moved at once; the request has {named.Count}.");
        return named.Select(key => state.Data.Issues.Find(key) ?? throw JiraErrorException.BadRequest($"Issue '{key}' does not exist.")).Distinct().ToList();
    }

    /// <summary>Applies name, goal, dates and state; a full update (PUT, and a create) clears a goal it leaves out.</summary>
    private static void Update(Sprint sprint, JsonObject body, EmulatorState state, bool full)
    {
        var errors = new Dictionary<string, string>();
        string? name = body.GetString("name")?.Trim();
        if (name is not null || sprint.Name.Length == 0)
        {
            if (string.IsNullOrEmpty(name)) errors["name"] = "The sprint name is required.";
            else if (name.Length > MaxName) errors["name"] = $"The sprint name must not be longer than {MaxName} characters.";
        }
        DateTimeOffset? Date(string member, DateTimeOffset? current)
        {
            if (!body.ContainsKey(member)) return current;
            if (body.GetString(member) is not { } text) return null;
            var parsed = Rendering.JiraTime.TryParse(text);
            if (parsed is null) errors[member] = $"The {member} '{text}' is not a date and time in ISO 8601.";
            return parsed ?? current;
        }
        bool closed = sprint.State == "closed";
        var start = Date("startDate", sprint.StartDate);
        var end = Date("endDate", sprint.EndDate);
        string target = body.GetString("state") ?? sprint.State;
        if (!Sprint.States.Contains(target)) errors["state"] = $"The sprint state '{target}' is not valid: use future, active or closed.";
        else if (closed && (target != "closed" || start != sprint.StartDate || end != sprint.EndDate))
            errors["state"] = "A closed sprint cannot be reopened or have its dates changed.";
        else if (sprint.State == "active" && target == "future") errors["state"] = "An active sprint cannot go back to future.";
        else if (sprint.State == "future" && target == "closed") errors["state"] = "A future sprint must be started before it is closed.";
        else if (target == "active" && (start is null || end is null)) errors["startDate"] = "A sprint needs a start date and an end date to be started.";
        if (start > end) errors["endDate"] = "The end date must be after the start date.";
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);

        if (name is not null) sprint.Name = name;
        if (body.ContainsKey("goal") || full) sprint.Goal = body.GetString("goal");
        sprint.StartDate = start;
        sprint.EndDate = end;
        if (target == "closed" && !closed) sprint.CompleteDate = state.Time.GetUtcNow();
        sprint.State = target;
    }
}
