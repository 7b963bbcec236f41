using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>Issue comments (list: style B, default 100) and POST comment/list (PageBean by ids, at most 1000).
/// Properties sent on create are kept, and shown only by comment/list with expand=properties (Cloud) or by the
/// comment property resource (both deployments): the issue's comment list and the single comment take
/// expand=renderedBody alone.</summary>
public static class CommentEndpoints
{
    public const int DefaultPage = 100;
    public const int MaxPage = 5000;
    public const int MaxIds = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/{issueIdOrKey}/comment", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
            Comment[] comments;
            lock (issue.Gate) comments = issue.Comments.ToArray();
            string orderBy = request.Query["orderBy"].ToString();
            var ordered = orderBy.StartsWith('-')
                ? comments.OrderByDescending(c => c.Created).ThenByDescending(c => c.Id).ToArray()
                : comments.OrderBy(c => c.Created).ThenBy(c => c.Id).ToArray();
            return JsonResponse.Ok(w => Paging.WriteOffsetPage(w, "comments", ordered, startAt, maxResults,
                (writer, comment) => RecordRenderer.WriteComment(writer, comment, ctx, Expand(request))));
        });

        api.MapPost("/issue/{issueIdOrKey}/comment", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var json = await context.Request.ReadJsonObjectAsync();
            string body = ReadBody(json, ctx);
            var visibility = RecordExtrasInput.ReadVisibility(json, state, "commentLevel");
            var properties = RecordExtrasInput.ReadProperties(json);
            var comment = state.IssueService.AddComment(issue, body, context.CurrentUser(), visibility: visibility, properties: properties);
            return JsonResponse.Status(StatusCodes.Status201Created, w => RecordRenderer.WriteComment(w, comment, ctx, Expand(context.Request)));
        });

        api.MapGet("/issue/{issueIdOrKey}/comment/{id}", (HttpContext context, string issueIdOrKey, string id) =>
        {
            var comment = Find(state, issueIdOrKey, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => RecordRenderer.WriteComment(w, comment, ctx, Expand(context.Request)));
        });

        api.MapPut("/issue/{issueIdOrKey}/comment/{id}", async (HttpContext context, string issueIdOrKey, string id) =>
        {
            var comment = Find(state, issueIdOrKey, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var json = await context.Request.ReadJsonObjectAsync();
            string body = ReadBody(json, ctx);
            var visibility = RecordExtrasInput.ReadVisibility(json, state, "commentLevel");
            state.IssueService.UpdateComment(comment, body, context.CurrentUser(), visibility, RecordExtrasInput.ReadProperties(json));
            return JsonResponse.Ok(w => RecordRenderer.WriteComment(w, comment, ctx, Expand(context.Request)));
        });

        api.MapDelete("/issue/{issueIdOrKey}/comment/{id}", (HttpContext context, string issueIdOrKey, string id) =>
        {
            state.IssueService.DeleteComment(Find(state, issueIdOrKey, id), context.CurrentUser());
            return Results.NoContent();
        });

        if (state.IsCloud)
        {
            api.MapPost("/comment/list", async (HttpContext context) =>
            {
                var ctx = ApiContext.From(context, version, state.Options.Deployment);
                var body = await context.Request.ReadJsonObjectAsync();
                if (body["ids"] is not JsonArray ids) throw JiraErrorException.Field("ids", "The ids are required.");
                if (ids.Count > MaxIds) throw JiraErrorException.BadRequest($"The number of ids ({ids.Count}) exceeds the limit of {MaxIds}.");
                var comments = ids.Select(n => long.TryParse(n?.ToString(), out long v) ? state.Data.Records.FindComment(v) : null)
                    .OfType<Comment>().DistinctBy(c => c.Id).OrderBy(c => c.Id).ToList();
                int startAt = Math.Max(0, context.Request.GetInt("startAt", 0));
                int maxResults = Paging.Clamp(context.Request.GetInt("maxResults", 50), MaxIds);
                return JsonResponse.Ok(w => Paging.WritePageBean(w, context.Request, ctx, comments, startAt, maxResults,
                    (writer, c) => RecordRenderer.WriteComment(writer, c, ctx, Expand(context.Request, properties: true))));
            });
        }
    }

    /// <summary>The expand values the operation takes (renderedBody; properties too on comment/list), or null when none.</summary>
    private static ISet<string>? Expand(HttpRequest request, bool properties = false)
    {
        var taken = request.GetList("expand")
            .Where(e => e.Equals("renderedBody", StringComparison.OrdinalIgnoreCase) || (properties && e.Equals("properties", StringComparison.OrdinalIgnoreCase)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return taken.Count > 0 ? taken : null;
    }

    private static Comment Find(EmulatorState state, string issueIdOrKey, string id)
    {
        var issue = Lookup.Issue(state, issueIdOrKey);
        var comment = state.Data.Records.FindComment(Lookup.Id(id, "comment"));
        if (comment is null || comment.Issue != issue)
            throw JiraErrorException.NotFound($"Can not find a comment for the id: {id}.");
        return comment;
    }

    /// <summary>The body of a comment object: ADF on v3, a string on v2; 400 under "comment" when it is neither or empty.</summary>
    public static string ReadBody(JsonObject body, ApiContext ctx)
    {
        var node = body["body"];
        bool ok = ctx.Version >= 3 ? node is JsonObject : node is JsonValue;
        if (!ok || !Adf.TryRead(node, out string? text) || string.IsNullOrWhiteSpace(text))
            throw JiraErrorException.Field("comment", ctx.Version >= 3
                ? "Comment body is not valid! (it must be an Atlassian Document)"
                : "Comment body can not be empty!");
        return text;
    }
}
