using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Issue links: POST issueLink (201, no body: the spec says to read the id from the issue's issuelinks; the emulator
/// also sends the link's URL in Location), GET and DELETE issueLink/{linkId}; and the link types, GET issueLinkType[/{id}].
/// </summary>
public static class IssueLinkEndpoints
{
    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issueLinkType", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("issueLinkTypes");
                foreach (var type in Catalog.IssueLinkTypes) IssueLinkRenderer.WriteType(w, type, ctx);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        api.MapGet("/issueLinkType/{issueLinkTypeId}", (HttpContext context, string issueLinkTypeId) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var type = Catalog.IssueLinkTypes.FirstOrDefault(t => t.Id == issueLinkTypeId)
                ?? throw JiraErrorException.NotFound($"No issue link type with id '{issueLinkTypeId}' found.");
            return JsonResponse.Ok(w => IssueLinkRenderer.WriteType(w, type, ctx));
        });

        api.MapPost("/issueLink", async (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var type = FindType(body["type"] as JsonObject);
            var inward = LinkedIssue(state, body, "inwardIssue");
            var outward = LinkedIssue(state, body, "outwardIssue");
            if (inward == outward) throw JiraErrorException.BadRequest("You cannot link an issue to itself.");
            var caller = context.CurrentUser();
            var link = state.IssueService.Link(type, outward, inward, caller);
            if (body["comment"] is JsonObject comment)
            {
                // The comment goes to the from (outward) issue, with the visibility it asks for.
                state.IssueService.AddComment(outward, CommentEndpoints.ReadBody(comment, ctx), caller,
                    visibility: RecordExtrasInput.ReadVisibility(comment, state, "commentLevel"));
            }
            return Results.Created($"{ctx.ApiRoot}/issueLink/{link.Id}", null);
        });

        api.MapGet("/issueLink/{linkId}", (HttpContext context, string linkId) =>
        {
            var link = Find(state, linkId);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => IssueLinkRenderer.Write(w, link, ctx));
        });

        api.MapDelete("/issueLink/{linkId}", (HttpContext context, string linkId) =>
        {
            state.IssueService.Unlink(Find(state, linkId), context.CurrentUser());
            return Results.NoContent();
        });
    }

    private static IssueLinkType FindType(JsonObject? reference)
    {
        string? id = reference?.GetString("id"), name = reference?.GetString("name");
        if (id is null && name is null) throw JiraErrorException.Field("issueLinkType", "The issue link type is required: give its id or name.");
        return Catalog.IssueLinkTypes.FirstOrDefault(t => t.Id == id || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw JiraErrorException.NotFound(id is not null ? $"No issue link type with id '{id}' found." : $"No issue link type with name '{name}' found.");
    }

    private static Issue LinkedIssue(EmulatorState state, JsonObject body, string member)
    {
        var reference = body[member] as JsonObject;
        string? idOrKey = reference?.GetString("key") ?? reference?["id"]?.ToString();
        if (idOrKey is null) throw JiraErrorException.Field(member, $"The {member} is required: give its id or key.");
        return Lookup.Issue(state, idOrKey);
    }

    private static IssueLink Find(EmulatorState state, string linkId) =>
        state.Data.Records.FindLink(Lookup.Id(linkId, "issue link"))
        ?? throw JiraErrorException.NotFound($"No issue link with id '{linkId}' exists.");
}
