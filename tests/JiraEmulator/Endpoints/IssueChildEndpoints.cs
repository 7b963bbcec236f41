using System.Text.Json;
using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Issues;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>An issue's changelog (PageBean, default 100), transitions, assignee and watchers.</summary>
public static class IssueChildEndpoints
{
    public const int ChangelogPage = 100;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/{issueIdOrKey}/changelog", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", ChangelogPage), ChangelogPage);
            ChangeHistory[] histories;
            lock (issue.Gate) histories = issue.History.ToArray();
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, histories, startAt, maxResults,
                (writer, h) => RecordRenderer.WriteHistory(writer, h, ctx)));
        });

        if (state.IsCloud)
        {
            api.MapPost("/issue/{issueIdOrKey}/changelog/list", async (HttpContext context, string issueIdOrKey) =>
            {
                var issue = Lookup.Issue(state, issueIdOrKey);
                var ctx = ApiContext.From(context, version, state.Options.Deployment);
                var body = await context.Request.ReadJsonObjectAsync();
                var ids = (body["changelogIds"] as JsonArray)?.Select(n => n?.ToString()).ToHashSet()
                    ?? throw JiraErrorException.Field("changelogIds", "The changelogIds are required.");
                ChangeHistory[] histories;
                lock (issue.Gate) histories = issue.History.Where(h => ids.Contains(h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
                // Unlike GET changelog (a PageBean), the list answers PageOfChangelogs {startAt, maxResults, total, histories}.
                return JsonResponse.Ok(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("startAt", 0);
                    w.WriteNumber("maxResults", histories.Length);
                    w.WriteNumber("total", histories.Length);
                    w.WriteStartArray("histories");
                    foreach (var history in histories) RecordRenderer.WriteHistory(w, history, ctx);
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            });
        }

        api.MapGet("/issue/{issueIdOrKey}/transitions", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            string? only = context.Request.Query["transitionId"];
            var transitions = Workflow.TransitionsFrom(issue.Status).Where(t => string.IsNullOrEmpty(only) || t.Id == only).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("expand", "transitions");
                w.WriteStartArray("transitions");
                foreach (var transition in transitions) Workflow.WriteTransition(w, transition, ctx);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        api.MapPost("/issue/{issueIdOrKey}/transitions", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            string? id = (body["transition"] as JsonObject)?["id"]?.ToString();
            var transition = Workflow.Find(id);
            if (transition is null || transition.To == issue.Status)
                throw JiraErrorException.BadRequest($"Transition id '{id}' is not valid for this issue.");
            // Fields and update on a transition are edited like PUT issue; "transition" itself is handled here.
            body.Remove("transition");
            IssueInput? input = null;
            if (body.Count > 0)
            {
                input = IssueInput.Parse(body, state.Data, ctx, editing: issue);
                if (!input.IsValid) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], input.Errors);
            }
            state.IssueService.Transition(issue, transition.To, input, context.CurrentUser());
            return Results.NoContent();
        });

        api.MapPut("/issue/{issueIdOrKey}/assignee", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            // Cloud names the user by accountId only (name and key went with the privacy changes); Data Center by name or key.
            string[] members = ctx.IsCloud ? ["accountId"] : ["name", "key"];
            var given = members.Where(body.ContainsKey).ToList();
            if (given.Count != 1)
                throw JiraErrorException.BadRequest(given.Count == 0
                    ? $"The {string.Join(" or ", members)} of the user to assign is required."
                    : "Only one of name and key can be provided.");
            var value = body[given[0]]?.DeepClone();
            // "-1" asks for the project's default assignee, which is the project lead on the emulated site.
            if (value?.ToString() == "-1") value = ctx.IsCloud ? issue.Project.Lead.AccountId : issue.Project.Lead.Name;
            var edit = new JsonObject { ["fields"] = new JsonObject { ["assignee"] = value is null ? null : new JsonObject { [given[0]] = value } } };
            var input = IssueInput.Parse(edit, state.Data, ctx, editing: issue);
            if (!input.IsValid) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], input.Errors);
            state.IssueService.Edit(issue, input, context.CurrentUser());
            return Results.NoContent();
        });

        api.MapGet("/issue/{issueIdOrKey}/watchers", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var caller = context.CurrentUser();
            User[] watchers;
            lock (issue.Gate) watchers = issue.Watchers.OrderBy(u => u.Index).ToArray();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("self", $"{ctx.ApiRoot}/issue/{issue.Key}/watchers");
                w.WriteBoolean("isWatching", watchers.Contains(caller));
                w.WriteNumber("watchCount", watchers.Length);
                w.WriteStartArray("watchers");
                foreach (var user in watchers) UserRenderer.Write(w, user, ctx);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        api.MapPost("/issue/{issueIdOrKey}/watchers", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            // The body is a JSON string: an accountId on Cloud, a user name on Data Center; empty means the caller.
            using var reader = new StreamReader(context.Request.Body);
            string raw = (await reader.ReadToEndAsync()).Trim();
            User? user = raw.Length == 0 ? context.CurrentUser() : Lookup.UserNamed(state, ParseJsonString(raw));
            if (user is null) throw JiraErrorException.NotFound("The user does not exist.");
            lock (issue.Gate) issue.Watchers.Add(user);
            return Results.NoContent();
        });

        api.MapDelete("/issue/{issueIdOrKey}/watchers", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            string? id = state.IsCloud ? context.Request.Query["accountId"] : context.Request.Query["username"];
            if (string.IsNullOrEmpty(id)) id = context.Request.Query["accountId"].ToString() is { Length: > 0 } a ? a : context.Request.Query["username"];
            var user = string.IsNullOrEmpty(id) ? null : Lookup.UserNamed(state, id);
            if (user is null) throw JiraErrorException.BadRequest(state.IsCloud ? "The accountId parameter is required." : "The username parameter is required.");
            lock (issue.Gate) issue.Watchers.Remove(user);
            return Results.NoContent();
        });
    }

    private static string ParseJsonString(string raw)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(raw) ?? "";
        }
        catch (JsonException)
        {
            throw JiraErrorException.BadRequest("The request body must be a JSON string.");
        }
    }
}
