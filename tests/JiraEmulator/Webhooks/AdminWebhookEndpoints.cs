using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Endpoints;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Webhooks;

/// <summary>
/// /rest/webhooks/1.0/webhook: admin webhooks (not in the OpenAPI; shape from the contract notes). Needs the
/// Administer Jira permission (403 otherwise). A secret turns on X-Hub-Signature.
/// </summary>
public static class AdminWebhookEndpoints
{
    private const string FilterKey = "issue-related-events-section";

    public static void Map(WebApplication app, EmulatorState state)
    {
        var group = app.MapGroup("/rest/webhooks/1.0/webhook");

        group.MapGet("", (HttpContext context) =>
        {
            RequireAdmin(context);
            var ctx = ApiContext.From(context, 2, state.Options.Deployment);
            var hooks = state.Webhooks.All(dynamic: false);
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                foreach (var hook in hooks) Write(w, hook, ctx);
                w.WriteEndArray();
            });
        });

        group.MapGet("/{id}", (HttpContext context, string id) =>
        {
            RequireAdmin(context);
            var hook = Find(state, id);
            var ctx = ApiContext.From(context, 2, state.Options.Deployment);
            return JsonResponse.Ok(w => Write(w, hook, ctx));
        });

        group.MapPost("", async (HttpContext context) =>
        {
            RequireAdmin(context);
            var ctx = ApiContext.From(context, 2, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var hook = new Webhook
            {
                Id = state.Webhooks.NewId(), Dynamic = false, Url = "", Events = [], Owner = context.CurrentUser(),
                LastUpdated = state.Time.GetUtcNow(),
            };
            Apply(hook, body, state, creating: true);
            state.Webhooks.Add(hook);
            return JsonResponse.Status(StatusCodes.Status201Created, w => Write(w, hook, ctx));
        });

        group.MapPut("/{id}", async (HttpContext context, string id) =>
        {
            RequireAdmin(context);
            var hook = Find(state, id);
            var ctx = ApiContext.From(context, 2, state.Options.Deployment);
            Apply(hook, await context.Request.ReadJsonObjectAsync(), state, creating: false);
            hook.Owner = context.CurrentUser();
            hook.LastUpdated = state.Time.GetUtcNow();
            return JsonResponse.Ok(w => Write(w, hook, ctx));
        });

        group.MapDelete("/{id}", (HttpContext context, string id) =>
        {
            RequireAdmin(context);
            state.Webhooks.Remove(Find(state, id).Id);
            return Results.NoContent();
        });
    }

    private static void Apply(Webhook hook, JsonObject body, EmulatorState state, bool creating)
    {
        var errors = new Dictionary<string, string>();
        if (body.GetString("name") is { } name) hook.Name = name;
        else if (creating) errors["name"] = "The webhook name is required.";
        if (body.GetString("url") is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out _)) hook.Url = url;
            else errors["url"] = "The webhook URL is not valid.";
        }
        else if (creating) errors["url"] = "The webhook URL is required.";
        if (body["events"] is not null) hook.Events = body.GetStrings("events").ToArray();
        if (body["excludeBody"] is JsonValue exclude && exclude.TryGetValue(out bool excludeBody)) hook.ExcludeBody = excludeBody;
        if (body["enabled"] is JsonValue enabled && enabled.TryGetValue(out bool isEnabled)) hook.Enabled = isEnabled;
        if (body.ContainsKey("secret")) hook.Secret = body.GetString("secret");
        if (body["filters"] is JsonObject filters)
        {
            hook.JqlFilter = filters[FilterKey]?.ToString();
            if (state.Webhooks.CompileFilter(hook) is { } problem) errors["filters"] = problem;
        }
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);
    }

    private static Webhook Find(EmulatorState state, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && state.Webhooks.Find(value) is { Dynamic: false } hook
            ? hook
            : throw JiraErrorException.NotFound($"Webhook with id {id} does not exist.");

    private static void RequireAdmin(HttpContext context)
    {
        if (!context.CurrentUser().IsAdmin)
            throw new JiraErrorException(StatusCodes.Status403Forbidden, "You must be a Jira administrator to manage webhooks.");
    }

    private static void Write(Utf8JsonWriter w, Webhook hook, ApiContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("self", $"{ctx.SiteUrl}/rest/webhooks/1.0/webhook/{hook.Id}");
        w.WriteString("name", hook.Name);
        w.WriteString("url", hook.Url);
        w.WriteStartArray("events");
        foreach (var e in hook.Events) w.WriteStringValue(e);
        w.WriteEndArray();
        w.WriteStartObject("filters");
        w.WriteString(FilterKey, hook.JqlFilter ?? "");
        w.WriteEndObject();
        w.WriteBoolean("excludeBody", hook.ExcludeBody);
        w.WriteBoolean("enabled", hook.Enabled);
        w.WriteString("lastUpdatedUser", ctx.IsCloud ? hook.Owner.AccountId : hook.Owner.Key);
        w.WriteString("lastUpdatedDisplayName", hook.Owner.DisplayName);
        w.WriteNumber("lastUpdated", hook.LastUpdated.ToUnixTimeMilliseconds());
        w.WriteEndObject();
    }
}
