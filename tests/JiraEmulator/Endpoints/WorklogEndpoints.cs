using System.Globalization;
using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Issues;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Issue worklogs (style B, default and max 5000), worklog/updated and worklog/deleted (style E since-cursor,
/// 1000 a page) and POST worklog/list (bare array, at most 1000 ids). Adding, changing and deleting a worklog moves the
/// issue's remaining estimate as adjustEstimate says (Estimates).
/// </summary>
public static class WorklogEndpoints
{
    public const int MaxIssuePage = 5000;
    public const int SincePage = 1000;
    public const int MaxIds = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/{issueIdOrKey}/worklog", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", MaxIssuePage), MaxIssuePage);
            long after = request.GetLong("startedAfter", long.MinValue), before = request.GetLong("startedBefore", long.MaxValue);
            Worklog[] worklogs;
            lock (issue.Gate) worklogs = issue.Worklogs.ToArray();
            var filtered = worklogs.Where(wl => Ms(wl.Started) >= after && Ms(wl.Started) <= before).ToArray();
            return JsonResponse.Ok(w => Paging.WriteOffsetPage(w, "worklogs", filtered, startAt, maxResults,
                (writer, worklog) => RecordRenderer.WriteWorklog(writer, worklog, ctx, Expand(request))));
        });

        api.MapPost("/issue/{issueIdOrKey}/worklog", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var (started, seconds, comment) = Read(body, ctx, requireAll: true);
            var visibility = RecordExtrasInput.ReadVisibility(body, state, "worklogLevel");
            var properties = ReadProperties(body, state);
            var caller = context.CurrentUser();
            Estimates.Adjust(issue, context.Request, seconds!.Value, "reduceBy");
            var now = state.Time.GetUtcNow();
            var worklog = new Worklog
            {
                Id = state.Data.Records.NewWorklogId(), Issue = issue, Author = caller, UpdateAuthor = caller,
                Comment = comment, Started = started!.Value, TimeSpentSeconds = seconds!.Value, Created = now, Updated = now,
                Visibility = visibility, Properties = properties,
            };
            lock (issue.Gate) issue.Worklogs.Add(worklog);
            state.Data.Records.Add(worklog);
            state.IssueService.Touch(issue, caller, "worklog_created", worklog: worklog);
            return JsonResponse.Status(StatusCodes.Status201Created, w => RecordRenderer.WriteWorklog(w, worklog, ctx, Expand(context.Request)));
        });

        api.MapGet("/issue/{issueIdOrKey}/worklog/{id}", (HttpContext context, string issueIdOrKey, string id) =>
        {
            var worklog = Find(state, issueIdOrKey, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => RecordRenderer.WriteWorklog(w, worklog, ctx, Expand(context.Request)));
        });

        api.MapPut("/issue/{issueIdOrKey}/worklog/{id}", async (HttpContext context, string issueIdOrKey, string id) =>
        {
            var worklog = Find(state, issueIdOrKey, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var (started, seconds, comment) = Read(body, ctx, requireAll: false);
            var visibility = RecordExtrasInput.ReadVisibility(body, state, "worklogLevel");
            var properties = ReadProperties(body, state);
            var caller = context.CurrentUser();
            if (seconds is not null) Estimates.Adjust(worklog.Issue, context.Request, seconds.Value - worklog.TimeSpentSeconds, null);
            lock (worklog.Issue.Gate)
            {
                if (started is not null) worklog.Started = started.Value;
                if (seconds is not null) worklog.TimeSpentSeconds = seconds.Value;
                if (comment is not null) worklog.Comment = comment;
                if (visibility is not null) worklog.Visibility = visibility;
                if (properties is not null) worklog.Properties = properties;
                worklog.UpdateAuthor = caller;
                worklog.Updated = state.Time.GetUtcNow();
            }
            state.Data.Records.WorklogTouched();
            state.IssueService.Touch(worklog.Issue, caller, "worklog_updated", worklog: worklog);
            return JsonResponse.Ok(w => RecordRenderer.WriteWorklog(w, worklog, ctx, Expand(context.Request)));
        });

        api.MapDelete("/issue/{issueIdOrKey}/worklog/{id}", (HttpContext context, string issueIdOrKey, string id) =>
        {
            var worklog = Find(state, issueIdOrKey, id);
            Estimates.Adjust(worklog.Issue, context.Request, -worklog.TimeSpentSeconds, "increaseBy");
            lock (worklog.Issue.Gate) worklog.Issue.Worklogs.Remove(worklog);
            state.Data.Records.Remove(worklog, state.Time.GetUtcNow());
            state.IssueService.Touch(worklog.Issue, context.CurrentUser(), "worklog_deleted", worklog: worklog);
            return Results.NoContent();
        });

        api.MapGet("/worklog/updated", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var items = state.Data.Records.WorklogsByUpdated().Select(wl => (wl.Id, Ms(wl.Updated))).ToArray();
            return SincePageResult(context, ctx, "/worklog/updated", items, state);
        });

        api.MapGet("/worklog/deleted", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var items = state.Data.Records.DeletedWorklogs().Select(d => (d.Id, Ms(d.Deleted))).OrderBy(d => d.Item2).ThenBy(d => d.Id).ToArray();
            return SincePageResult(context, ctx, "/worklog/deleted", items, state);
        });

        api.MapPost("/worklog/list", async (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            if (body["ids"] is not JsonArray ids) throw JiraErrorException.Field("ids", "The ids are required.");
            if (ids.Count > MaxIds) throw JiraErrorException.BadRequest($"The number of ids ({ids.Count}) exceeds the limit of {MaxIds}.");
            var worklogs = ids.Select(n => long.TryParse(n?.ToString(), out long v) ? state.Data.Records.FindWorklog(v) : null)
                .OfType<Worklog>().DistinctBy(wl => wl.Id).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                foreach (var worklog in worklogs) RecordRenderer.WriteWorklog(w, worklog, ctx, Expand(context.Request));
                w.WriteEndArray();
            });
        });
    }

    /// <summary>
    /// Style E: items updated after "since", oldest first, 1000 a page but never splitting items with the
    /// same timestamp, and never the last minute (Jira leaves it out so late writes are not missed).
    /// </summary>
    private static IResult SincePageResult(HttpContext context, ApiContext ctx, string path, (long Id, long Ms)[] items, EmulatorState state)
    {
        string? raw = context.Request.Query["since"];
        long since = 0;
        if (!string.IsNullOrEmpty(raw) && !long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out since))
            throw JiraErrorException.BadRequest($"The value '{raw}' of the parameter 'since' is not a valid number.");
        long horizon = (state.Time.GetUtcNow() - state.Options.WorklogFeedLag).ToUnixTimeMilliseconds();
        var page = new List<(long Id, long Ms)>();
        int i = 0;
        while (i < items.Length && items[i].Ms <= since) i++;
        for (; i < items.Length && items[i].Ms <= horizon; i++)
        {
            if (page.Count >= SincePage && items[i].Ms != page[^1].Ms) break;
            page.Add(items[i]);
        }
        bool lastPage = i >= items.Length || items[i].Ms > horizon;
        long until = page.Count > 0 ? page[^1].Ms : since;
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("values");
            foreach (var (id, ms) in page)
            {
                w.WriteStartObject();
                w.WriteNumber("worklogId", id);
                w.WriteNumber("updatedTime", ms);
                w.WriteStartArray("properties");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("since", since);
            w.WriteNumber("until", until);
            w.WriteString("self", $"{ctx.ApiRoot}{path}?since={since}");
            if (!lastPage) w.WriteString("nextPage", $"{ctx.ApiRoot}{path}?since={until}");
            w.WriteBoolean("lastPage", lastPage);
            w.WriteEndObject();
        });
    }

    /// <summary>Cloud keeps the properties sent with a worklog. Data Center 8.4.3 has no worklog properties (its WADL's
    /// Worklog schema lacks the member and allows no others), so a body that has them is refused.</summary>
    private static Dictionary<string, JsonNode?>? ReadProperties(JsonObject body, EmulatorState state)
    {
        if (!state.IsCloud && body.ContainsKey("properties"))
            throw JiraErrorException.BadRequest("Unrecognized field \"properties\": worklogs have no properties on this Jira.");
        return RecordExtrasInput.ReadProperties(body);
    }

    /// <summary>The expand parameter (properties), or null when absent.</summary>
    private static ISet<string>? Expand(HttpRequest request) =>
        request.GetList("expand") is { Count: > 0 } expand ? expand.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static Worklog Find(EmulatorState state, string issueIdOrKey, string id)
    {
        var issue = Lookup.Issue(state, issueIdOrKey);
        var worklog = state.Data.Records.FindWorklog(Lookup.Id(id, "worklog"));
        if (worklog is null || worklog.Issue != issue)
            throw JiraErrorException.NotFound($"Cannot find worklog with id: '{id}'.");
        return worklog;
    }

    private static (DateTimeOffset? Started, long? Seconds, string? Comment) Read(JsonObject body, ApiContext ctx, bool requireAll)
    {
        var errors = new Dictionary<string, string>();
        DateTimeOffset? started = JiraTime.TryParse(body.GetString("started"));
        if (started is null && (requireAll || body["started"] is not null)) errors["started"] = "You must specify a valid date and time for when the work was started.";
        long? seconds = null;
        if (body["timeSpentSeconds"] is JsonValue s && s.TryGetValue(out long parsedSeconds)) seconds = parsedSeconds;
        else if (body.GetString("timeSpent") is { } text) seconds = JiraDuration.TryParse(text);
        if ((seconds is null or <= 0) && (requireAll || body["timeSpent"] is not null || body["timeSpentSeconds"] is not null))
            errors["timeLogged"] = "You must indicate the time spent working.";
        string? comment = null;
        if (body["comment"] is { } node)
        {
            bool ok = ctx.Version >= 3 ? node is JsonObject : node is JsonValue;
            if (!ok || !Adf.TryRead(node, out comment)) errors["comment"] = ctx.Version >= 3 ? "Comment must be an Atlassian Document." : "Comment must be a string.";
        }
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);
        return (started, seconds, comment);
    }
}
