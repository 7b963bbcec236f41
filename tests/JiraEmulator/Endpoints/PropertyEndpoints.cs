using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>Issue entity properties: list keys, get, set (201 new / 200 replaced), delete. Searchable as issue.property[key].path.</summary>
public static class PropertyEndpoints
{
    public const int MaxValueBytes = 32768;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/{issueIdOrKey}/properties", (HttpContext context, string issueIdOrKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var keys = issue.HasProperties ? issue.Properties.Keys.ToArray() : [];
            return JsonResponse.Ok(w => EntityPropertyRenderer.WriteKeys(w, $"{ctx.ApiRoot}/issue/{issue.Id}", keys));
        });

        api.MapGet("/issue/{issueIdOrKey}/properties/{propertyKey}", (string issueIdOrKey, string propertyKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            if (!issue.HasProperties || !issue.Properties.TryGetValue(propertyKey, out var value))
                throw JiraErrorException.NotFound($"The property with key '{propertyKey}' does not exist.");
            return JsonResponse.Ok(w => EntityPropertyRenderer.WriteProperty(w, propertyKey, value));
        });

        api.MapPut("/issue/{issueIdOrKey}/properties/{propertyKey}", async (HttpContext context, string issueIdOrKey, string propertyKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            if (propertyKey.Length > 255) throw JiraErrorException.BadRequest("The property key can not be longer than 255 characters.");
            if (context.Request.ContentLength > MaxValueBytes) throw JiraErrorException.BadRequest($"The property value can not be longer than {MaxValueBytes} bytes.");
            JsonNode? value;
            try
            {
                value = await JsonNode.ParseAsync(context.Request.Body);
            }
            catch (System.Text.Json.JsonException)
            {
                throw JiraErrorException.BadRequest("The property value must be valid JSON.");
            }
            bool existed = issue.HasProperties && issue.Properties.ContainsKey(propertyKey);
            issue.Properties[propertyKey] = value;
            state.IssueService.Touch(issue, context.CurrentUser(), "issue_property_set", propertyKey);
            return existed ? Results.Ok() : Results.StatusCode(StatusCodes.Status201Created);
        });

        api.MapDelete("/issue/{issueIdOrKey}/properties/{propertyKey}", (HttpContext context, string issueIdOrKey, string propertyKey) =>
        {
            var issue = Lookup.Issue(state, issueIdOrKey);
            if (!issue.HasProperties || !issue.Properties.TryRemove(propertyKey, out _))
                throw JiraErrorException.NotFound($"The property with key '{propertyKey}' does not exist.");
            state.IssueService.Touch(issue, context.CurrentUser(), "issue_property_deleted", propertyKey);
            return Results.NoContent();
        });
    }
}
