using System.Text.Json;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;
using JiraEmulator.Search;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The three searches: search/jql (Cloud, token paging, style C), the old search (startAt/total,
/// style B; the only one on Data Center) and approximate-count.
/// </summary>
public static class SearchEndpoints
{
    public const string Unbounded = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";
    public const int MaxPageIdsOnly = 5000;
    public const int MaxPageWithFields = 100;
    public const int MaxPageOldSearch = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (state.IsCloud)
        {
            api.MapGet("/search/jql", (HttpContext context) =>
            {
                var q = context.Request;
                return EnhancedSearch(context, version, state, q.Query["jql"], q.Query["nextPageToken"],
                    q.GetInt("maxResults", 50), q.GetList("fields"), SearchExtras(state, q.GetList("expand"), q.GetList("properties")));
            });
            api.MapPost("/search/jql", async (HttpContext context) =>
            {
                var body = await context.Request.ReadJsonObjectAsync();
                return EnhancedSearch(context, version, state, body.GetString("jql"), body.GetString("nextPageToken"),
                    body.GetInt("maxResults") ?? 50, body.GetStrings("fields"), SearchExtras(state, body.GetStrings("expand"), body.GetStrings("properties")));
            });
            api.MapPost("/search/approximate-count", async (HttpContext context) =>
            {
                var body = await context.Request.ReadJsonObjectAsync();
                string jql = body.GetString("jql") ?? "";
                RequireBounded(state, jql, context.CurrentUser());
                int count = state.Search.Run(jql, context.CurrentUser()).Length;
                return JsonResponse.Ok(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("count", count);
                    w.WriteEndObject();
                });
            });
        }

        api.MapGet("/search", (HttpContext context) =>
        {
            var q = context.Request;
            return OldSearch(context, version, state, q.Query["jql"], q.GetInt("startAt", 0), q.GetInt("maxResults", 50), q.GetList("fields"),
                SearchExtras(state, q.GetList("expand"), q.GetList("properties")));
        });
        api.MapPost("/search", async (HttpContext context) =>
        {
            var body = await context.Request.ReadJsonObjectAsync();
            return OldSearch(context, version, state, body.GetString("jql"), body.GetInt("startAt") ?? 0,
                body.GetInt("maxResults") ?? 50, body.GetStrings("fields"), SearchExtras(state, body.GetStrings("expand"), body.GetStrings("properties")));
        });
    }

    private static void RequireBounded(EmulatorState state, string jql, User caller)
    {
        if (string.IsNullOrWhiteSpace(jql) || !state.Search.Compile(jql, caller).Bounded)
            throw JiraErrorException.BadRequest(Unbounded);
    }

    /// <summary>
    /// What a search adds to each issue: expand's renderedFields, changelog and transitions (names and schema belong
    /// to the whole result in Jira, not to each issue, so they are not written per issue), and the issue properties
    /// named by `properties` (Cloud's searches; Data Center 8.4.3's WADL gives its search no such parameter, so
    /// there it is ignored). Null when nothing is asked.
    /// </summary>
    private static IssueExtras? SearchExtras(EmulatorState state, List<string> expand, List<string> properties)
    {
        var perIssue = expand.Where(e => e is "renderedFields" or "changelog" or "transitions").ToList();
        if (!state.IsCloud) properties = [];
        return perIssue.Count == 0 && properties.Count == 0 ? null : IssueExtras.From(perIssue, properties);
    }

    private static IResult EnhancedSearch(HttpContext context, int version, EmulatorState state, string? jql, string? token, int maxResults, List<string> requestedFields, IssueExtras? extras)
    {
        var caller = context.CurrentUser();
        jql ??= "";
        RequireBounded(state, jql, caller);
        var fields = FieldSelection.Parse(requestedFields, "id");
        int limit = Paging.Clamp(maxResults, fields.OnlyIdOrKey ? MaxPageIdsOnly : MaxPageWithFields, min: 1);
        int offset = string.IsNullOrEmpty(token) ? 0 : PageToken.Decode(token, jql);
        var result = state.Search.Run(jql, caller);
        int end = Math.Min(result.Length, offset + limit);
        bool isLast = end >= result.Length;
        var api = ApiContext.From(context, version, state.Options.Deployment);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("issues");
            for (int i = offset; i < end; i++) IssueRenderer.Write(w, result[i], fields, api, extras);
            w.WriteEndArray();
            if (!isLast) w.WriteString("nextPageToken", PageToken.Encode(jql, end));
            w.WriteBoolean("isLast", isLast);
            w.WriteEndObject();
        });
    }

    private static IResult OldSearch(HttpContext context, int version, EmulatorState state, string? jql, int startAt, int maxResults, List<string> requestedFields, IssueExtras? extras)
    {
        var caller = context.CurrentUser();
        if (startAt < 0) throw JiraErrorException.BadRequest("The value of 'startAt' must not be negative.");
        if (maxResults < 0) throw JiraErrorException.BadRequest("The value of 'maxResults' must not be negative.");
        int limit = Paging.Clamp(maxResults, MaxPageOldSearch);
        var fields = FieldSelection.Parse(requestedFields, "*navigable");
        // The old search allows an empty or ORDER BY-only query (everything), unlike search/jql.
        var result = state.Search.Run(jql ?? "", caller);
        var api = ApiContext.From(context, version, state.Options.Deployment);
        return JsonResponse.Ok(w => WriteSearchResults(w, result, startAt, limit, fields, api, extras));
    }

    /// <summary>SearchResults {expand, startAt, maxResults, total, issues}: the old search's page, which the Agile API's
    /// board and sprint issue lists also give.</summary>
    public static void WriteSearchResults(Utf8JsonWriter w, IReadOnlyList<Issue> result, int startAt, int limit, FieldSelection fields, ApiContext api,
        IssueExtras? extras = null)
    {
        int end = Math.Min(result.Count, startAt + limit);
        w.WriteStartObject();
        w.WriteString("expand", "schema,names");
        w.WriteNumber("startAt", startAt);
        w.WriteNumber("maxResults", limit);
        w.WriteNumber("total", result.Count);
        w.WriteStartArray("issues");
        for (int i = startAt; i < end; i++) IssueRenderer.Write(w, result[i], fields, api, extras);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
