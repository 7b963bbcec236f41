using System.Globalization;
using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Endpoints;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Webhooks;

/// <summary>
/// /rest/api/{2,3}/webhook (Cloud): dynamic webhooks, for OAuth 2.0 (and Connect) apps only; Basic or PAT
/// callers get 403. POST 200 with per-webhook results, GET PageBean (default 100), DELETE 202, PUT refresh,
/// GET failed.
/// </summary>
public static class DynamicWebhookEndpoints
{
    /// <summary>The fields and operators Jira allows in a dynamic webhook's jqlFilter.</summary>
    private static readonly string[] FilterFields = ["issuekey", "key", "project", "issuetype", "type", "status", "assignee", "reporter"];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapPost("/webhook", async (HttpContext context) =>
        {
            RequireApp(context);
            var body = await context.Request.ReadJsonObjectAsync();
            string? url = body.GetString("url");
            if (!Uri.TryCreate(url, UriKind.Absolute, out _)) throw JiraErrorException.Field("url", "The webhook URL is not valid.");
            if (body["webhooks"] is not JsonArray list) throw JiraErrorException.Field("webhooks", "The webhooks are required.");
            var owner = context.CurrentUser();
            var results = new List<(long? Id, List<string> Errors)>();
            foreach (var item in list.OfType<JsonObject>())
            {
                var errors = new List<string>();
                var events = item.GetStrings("events").ToArray();
                string? jql = item.GetString("jqlFilter");
                if (events.Length == 0) errors.Add("At least one event is required.");
                if (string.IsNullOrWhiteSpace(jql)) errors.Add("The JQL filter is required.");
                var webhook = new Webhook
                {
                    Id = 0, Dynamic = true, Url = url!, Events = events, JqlFilter = jql, Owner = owner,
                    FieldIdsFilter = item.GetStrings("fieldIdsFilter").ToArray(),
                    IssuePropertyKeysFilter = item.GetStrings("issuePropertyKeysFilter").ToArray(),
                    Expires = state.Time.GetUtcNow() + WebhookRegistry.DynamicLifetime,
                    LastUpdated = state.Time.GetUtcNow(),
                };
                if (errors.Count == 0 && FilterProblem(jql!) is { } problem) errors.Add(problem);
                if (errors.Count == 0 && state.Webhooks.CompileFilter(webhook) is { } jqlError) errors.Add(jqlError);
                if (errors.Count > 0) { results.Add((null, errors)); continue; }
                var registered = new Webhook
                {
                    Id = state.Webhooks.NewId(), Dynamic = true, Url = webhook.Url, Events = webhook.Events, JqlFilter = webhook.JqlFilter,
                    Filter = webhook.Filter, Owner = owner, FieldIdsFilter = webhook.FieldIdsFilter,
                    IssuePropertyKeysFilter = webhook.IssuePropertyKeysFilter, Expires = webhook.Expires, LastUpdated = webhook.LastUpdated,
                };
                state.Webhooks.Add(registered);
                results.Add((registered.Id, errors));
            }
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("webhookRegistrationResult");
                foreach (var (id, errors) in results)
                {
                    w.WriteStartObject();
                    if (id is long created) w.WriteNumber("createdWebhookId", created);
                    else
                    {
                        w.WriteStartArray("errors");
                        foreach (var error in errors) w.WriteStringValue(error);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        api.MapGet("/webhook", (HttpContext context) =>
        {
            RequireApp(context);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, context.Request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(context.Request.GetInt("maxResults", 100), 100);
            var webhooks = state.Webhooks.All(dynamic: true);
            return JsonResponse.Ok(w => Paging.WritePageBean(w, context.Request, ctx, webhooks, startAt, maxResults, (writer, hook) =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", hook.Id);
                writer.WriteString("jqlFilter", hook.JqlFilter);
                if (hook.FieldIdsFilter.Length > 0)
                {
                    writer.WriteStartArray("fieldIdsFilter");
                    foreach (var f in hook.FieldIdsFilter) writer.WriteStringValue(f);
                    writer.WriteEndArray();
                }
                if (hook.IssuePropertyKeysFilter.Length > 0)
                {
                    writer.WriteStartArray("issuePropertyKeysFilter");
                    foreach (var k in hook.IssuePropertyKeysFilter) writer.WriteStringValue(k);
                    writer.WriteEndArray();
                }
                writer.WriteStartArray("events");
                foreach (var e in hook.Events) writer.WriteStringValue(e);
                writer.WriteEndArray();
                if (hook.Expires is { } expires) writer.WriteNumber("expirationDate", expires.ToUnixTimeMilliseconds());
                writer.WriteString("url", hook.Url);
                writer.WriteEndObject();
            }));
        });

        api.MapDelete("/webhook", async (HttpContext context) =>
        {
            RequireApp(context);
            foreach (var id in await ReadIds(context)) state.Webhooks.Remove(id);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });

        api.MapPut("/webhook/refresh", async (HttpContext context) =>
        {
            RequireApp(context);
            var expires = state.Time.GetUtcNow() + WebhookRegistry.DynamicLifetime;
            // Unknown ids are ignored, as in Jira.
            foreach (var id in await ReadIds(context))
                if (state.Webhooks.Find(id) is { Dynamic: true } hook) hook.Expires = expires;
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("expirationDate", expires.ToUnixTimeMilliseconds());
                w.WriteEndObject();
            });
        });

        api.MapGet("/webhook/failed", (HttpContext context) =>
        {
            RequireApp(context);
            int maxResults = Paging.Clamp(context.Request.GetInt("maxResults", 100), 100, min: 1);
            long after = context.Request.GetLong("after", long.MinValue);
            var failures = state.Webhooks.Failures().Where(f => f.Failed.ToUnixTimeMilliseconds() > after).OrderBy(f => f.Failed).ToList();
            var page = failures.Take(maxResults).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("values");
                foreach (var (id, url, body, failed) in page)
                {
                    w.WriteStartObject();
                    w.WriteString("id", id.ToString(CultureInfo.InvariantCulture));
                    if (body is not null) w.WriteString("body", body);
                    w.WriteString("url", url);
                    w.WriteNumber("failureTime", failed.ToUnixTimeMilliseconds());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("maxResults", maxResults);
                if (failures.Count > page.Count)
                    w.WriteString("next", $"{ApiContext.From(context, version, state.Options.Deployment).ApiRoot}/webhook/failed?after={page[^1].Failed.ToUnixTimeMilliseconds()}&maxResults={maxResults}");
                w.WriteEndObject();
            });
        });
    }

    private static void RequireApp(HttpContext context)
    {
        if (context.FindCaller()?.Scheme != "OAuth")
            throw new JiraErrorException(StatusCodes.Status403Forbidden, "Only Connect and OAuth 2.0 apps can use dynamic webhooks.");
    }

    private static async Task<List<long>> ReadIds(HttpContext context)
    {
        var body = await context.Request.ReadJsonObjectAsync();
        if (body["webhookIds"] is not JsonArray ids) throw JiraErrorException.Field("webhookIds", "The webhookIds are required.");
        return ids.Select(n => long.TryParse(n?.ToString(), out long v) ? v : -1).Where(v => v >= 0).ToList();
    }

    /// <summary>Jira limits dynamic webhook filters to a few fields and = != IN NOT IN; issue.property and cf[] are allowed too.</summary>
    private static string? FilterProblem(string jql)
    {
        Jql.JqlQuery query;
        try { query = Jql.JqlParser.Parse(jql); }
        catch (JiraErrorException error) { return string.Join(" ", error.Messages); }
        var problems = new List<string>();
        void Walk(Jql.JqlNode? node)
        {
            switch (node)
            {
                case Jql.JqlAnd a: Walk(a.Left); Walk(a.Right); break;
                case Jql.JqlOr o: Walk(o.Left); Walk(o.Right); break;
                case Jql.JqlNot n: Walk(n.Inner); break;
                case Jql.JqlClause c:
                    string field = c.Field.ToLowerInvariant();
                    if (!FilterFields.Contains(field) && !field.StartsWith("issue.property", StringComparison.Ordinal) && !field.StartsWith("cf[", StringComparison.Ordinal))
                        problems.Add($"The field '{c.Field}' is not supported in webhook JQL filters.");
                    if (c.Operator is not ("=" or "!=" or "IN" or "NOT IN"))
                        problems.Add($"The operator '{c.Operator}' is not supported in webhook JQL filters.");
                    break;
            }
        }
        Walk(query.Where);
        return problems.Count > 0 ? string.Join(" ", problems) : null;
    }
}
