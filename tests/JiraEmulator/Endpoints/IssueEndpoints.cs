using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Issues;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>GET/POST/PUT/DELETE issue, issue/bulk (at most 50) and issue/bulkfetch (at most 100).</summary>
public static class IssueEndpoints
{
    public const int MaxBulkCreate = 50;
    public const int MaxBulkFetch = 100;
    public const int MaxBulkFetchProperties = 5;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/{issueIdOrKey}", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var fields = FieldSelection.Parse(request.GetList("fields"), "*all");
            var extras = IssueExtras.From(request.GetList("expand"), request.GetList("properties"));
            return JsonResponse.Ok(w => IssueRenderer.Write(w, issue, fields, ctx, extras));
        });

        api.MapPost("/issue", async (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var input = IssueInput.Parse(body, state.Data, ctx, editing: null);
            if (!input.IsValid) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], input.Errors);
            var issue = state.IssueService.Create(input, context.CurrentUser());
            return JsonResponse.Status(StatusCodes.Status201Created, w => WriteCreated(w, issue, ctx));
        });

        api.MapPut("/issue/{issueIdOrKey}", async (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var input = IssueInput.Parse(body, state.Data, ctx, editing: issue);
            if (!input.IsValid) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], input.Errors);
            state.IssueService.Edit(issue, input, context.CurrentUser());
            if (!context.Request.GetBool("returnIssue", false)) return Results.NoContent();
            var fields = FieldSelection.Parse([], "*all");
            return JsonResponse.Ok(w => IssueRenderer.Write(w, issue, fields, ctx));
        });

        api.MapDelete("/issue/{issueIdOrKey}", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            state.IssueService.Delete(issue, context.CurrentUser());
            return Results.NoContent();
        });

        api.MapPost("/issue/bulk", async Task<IResult> (HttpContext context) => await BulkCreate(context, version, state));
        if (state.IsCloud) api.MapPost("/issue/bulkfetch", async Task<IResult> (HttpContext context) => await BulkFetch(context, version, state));
    }

    public static void WriteCreated(System.Text.Json.Utf8JsonWriter w, Issue issue, ApiContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("id", IssueRenderer.IdText(issue));
        w.WriteString("key", issue.Key);
        w.WriteString("self", $"{ctx.ApiRoot}/issue/{issue.Id}");
        w.WriteEndObject();
    }

    private static async Task<IResult> BulkCreate(HttpContext context, int version, EmulatorState state)
    {
        var ctx = ApiContext.From(context, version, state.Options.Deployment);
        var body = await context.Request.ReadJsonObjectAsync();
        if (body["issueUpdates"] is not JsonArray updates)
            throw JiraErrorException.BadRequest("The request must contain 'issueUpdates'.");
        if (updates.Count > MaxBulkCreate)
        {
            // Still a CreatedIssues body (the spec's 400 shape), pointing at the first element past the limit.
            string message = $"The number of issues in the request ({updates.Count}) exceeds the limit of {MaxBulkCreate}.";
            return JsonResponse.Status(StatusCodes.Status400BadRequest, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("issues");
                w.WriteEndArray();
                w.WriteStartArray("errors");
                w.WriteStartObject();
                w.WriteNumber("status", StatusCodes.Status400BadRequest);
                w.WritePropertyName("elementErrors");
                ErrorCollection.Write(w, [message]);
                w.WriteNumber("failedElementNumber", MaxBulkCreate);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        var created = new List<Issue>();
        var failed = new List<(int Index, IssueInput? Input, string? Message)>();
        for (int i = 0; i < updates.Count; i++)
        {
            if (updates[i] is not JsonObject element)
            {
                failed.Add((i, null, "The issue update must be an object."));
                continue;
            }
            var input = IssueInput.Parse(element, state.Data, ctx, editing: null);
            if (!input.IsValid) failed.Add((i, input, null));
            else created.Add(state.IssueService.Create(input, context.CurrentUser()));
        }

        // 201 when anything was created, 400 when everything failed; both carry the same CreatedIssues body.
        int status = created.Count > 0 || updates.Count == 0 ? StatusCodes.Status201Created : StatusCodes.Status400BadRequest;
        return JsonResponse.Status(status, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("issues");
            foreach (var issue in created) WriteCreated(w, issue, ctx);
            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var (index, input, message) in failed)
            {
                w.WriteStartObject();
                w.WriteNumber("status", StatusCodes.Status400BadRequest);
                w.WritePropertyName("elementErrors");
                ErrorCollection.Write(w, message is null ? [] : [message], input?.Errors);
                w.WriteNumber("failedElementNumber", index);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// issue/bulkfetch as the spec describes it: 1 to 100 ids or keys (mixed, keys case-insensitive), at most 5
    /// property keys, fields defaulting to *navigable; each issue once, in ascending id order, rendered as GET
    /// issue renders it. Issues that do not exist are left out of both lists: the spec keeps issueErrors for
    /// retriable or payload errors ("Issues which aren't found or that the user doesn't have permission to view
    /// won't be returned in this list"), which the emulator never has, so issueErrors is always empty.
    /// </summary>
    private static async Task<IResult> BulkFetch(HttpContext context, int version, EmulatorState state)
    {
        var ctx = ApiContext.From(context, version, state.Options.Deployment);
        var body = await context.Request.ReadJsonObjectAsync();
        var wanted = body.GetStrings("issueIdsOrKeys");
        // The spec's 400: "no issue IDs/keys were present, or more than 100 issue IDs/keys were requested".
        if (wanted.Count == 0) throw JiraErrorException.Field("issueIdsOrKeys", "The issueIdsOrKeys are required.");
        if (wanted.Count > MaxBulkFetch)
            throw JiraErrorException.BadRequest($"The number of issues requested ({wanted.Count}) exceeds the limit of {MaxBulkFetch}.");
        var properties = body.GetStrings("properties");
        if (properties.Count > MaxBulkFetchProperties)
            throw JiraErrorException.BadRequest($"The number of issue property keys requested ({properties.Count}) exceeds the limit of {MaxBulkFetchProperties}.");
        var fields = FieldSelection.Parse(body.GetStrings("fields"), "*navigable");
        var extras = IssueExtras.From(body.GetStrings("expand"), properties);
        var found = new SortedDictionary<long, Issue>();
        foreach (var idOrKey in wanted)
        {
            if (state.Data.Issues.Find(idOrKey) is { } issue) found[issue.Id] = issue;
        }
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("issues");
            foreach (var issue in found.Values) IssueRenderer.Write(w, issue, fields, ctx, extras);
            w.WriteEndArray();
            w.WriteStartArray("issueErrors");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
