using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Issue links: POST issueLink (201, no body: the spec says to read the id from the issue's issuelinks; the emulator
/// also sends the link's URL in Location), GET and DELETE issueLink/{linkId}; and the link types, GET issueLinkType[/{id}], and for admins POST, PUT and DELETE (which takes the type's links with it).
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
                foreach (var type in state.Data.LinkTypes.All()) IssueLinkRenderer.WriteType(w, type, ctx);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        api.MapGet("/issueLinkType/{issueLinkTypeId}", (HttpContext context, string issueLinkTypeId) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var type = FindType(state, issueLinkTypeId);
            return JsonResponse.Ok(w => IssueLinkRenderer.WriteType(w, type, ctx));
        });

        api.MapPost("/issueLinkType", async (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to manage issue link types.", StatusCodes.Status401Unauthorized);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            string Required(string member) => body.GetString(member) is { Length: > 0 } value ? value
                : throw JiraErrorException.Field(member, $"The issue link type's {member} is required.");
            var type = new IssueLinkType(state.Data.LinkTypes.NewId(), Required("name"), Required("inward"), Required("outward"));
            RequireUniqueName(state, type.Name, type);
            state.Data.LinkTypes.Add(type);
            return JsonResponse.Status(StatusCodes.Status201Created, w => IssueLinkRenderer.WriteType(w, type, ctx));
        });

        api.MapPut("/issueLinkType/{issueLinkTypeId}", async (HttpContext context, string issueLinkTypeId) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to manage issue link types.", StatusCodes.Status401Unauthorized);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var type = FindType(state, issueLinkTypeId);
            var body = await context.Request.ReadJsonObjectAsync();
            // Only the members given change.
            if (body.GetString("name") is { Length: > 0 } name) { RequireUniqueName(state, name, type); type.Name = name; }
            if (body.GetString("inward") is { Length: > 0 } inward) type.Inward = inward;
            if (body.GetString("outward") is { Length: > 0 } outward) type.Outward = outward;
            return JsonResponse.Ok(w => IssueLinkRenderer.WriteType(w, type, ctx));
        });

        api.MapDelete("/issueLinkType/{issueLinkTypeId}", (HttpContext context, string issueLinkTypeId) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to manage issue link types.", StatusCodes.Status401Unauthorized);
            var type = FindType(state, issueLinkTypeId);
            // The links of the type go with it.
            foreach (var link in state.Data.Records.Links().Where(l => l.Type == type)) state.IssueService.Unlink(link, context.CurrentUser());
            state.Data.LinkTypes.Remove(type);
            return Results.NoContent();
        });

        api.MapPost("/issueLink", async (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var type = FindType(state, body["type"] as JsonObject);
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

    private static IssueLinkType FindType(EmulatorState state, string id) =>
        state.Data.LinkTypes.Find(id) ?? throw JiraErrorException.NotFound($"No issue link type with id '{id}' found.");

    private static void RequireUniqueName(EmulatorState state, string name, IssueLinkType type)
    {
        if (state.Data.LinkTypes.All().Any(t => t != type && string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw JiraErrorException.BadRequest($"An issue link type with the name '{name}' already exists.");
    }

    private static IssueLinkType FindType(EmulatorState state, JsonObject? reference)
    {
        string? id = reference?.GetString("id"), name = reference?.GetString("name");
        if (id is null && name is null) throw JiraErrorException.Field("issueLinkType", "The issue link type is required: give its id or name.");
        var type = id is not null ? state.Data.LinkTypes.Find(id)
            : state.Data.LinkTypes.All().FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return type
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
