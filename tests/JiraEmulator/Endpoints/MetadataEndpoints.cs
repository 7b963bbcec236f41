using System.Text.Json;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>The site's fixed catalogs: field, issuetype, priority, status, statuscategory, resolution, issuesecurityschemes.</summary>
public static class MetadataEndpoints
{
    /// <summary>(id, name, schema type, items type, custom, navigable, clause names).</summary>
    internal static readonly (string Id, string Name, string Type, string? Items, bool Custom, bool Navigable, string[] Clauses)[] Fields =
    [
        ("summary", "Summary", "string", null, false, true, ["summary"]),
        ("description", "Description", "string", null, false, true, ["description"]),
        ("status", "Status", "status", null, false, true, ["status"]),
        ("issuetype", "Issue Type", "issuetype", null, false, true, ["issuetype", "type"]),
        ("priority", "Priority", "priority", null, false, true, ["priority"]),
        ("project", "Project", "project", null, false, true, ["project"]),
        ("assignee", "Assignee", "user", null, false, true, ["assignee"]),
        ("reporter", "Reporter", "user", null, false, true, ["reporter"]),
        ("creator", "Creator", "user", null, false, true, ["creator"]),
        ("labels", "Labels", "array", "string", false, true, ["labels"]),
        ("created", "Created", "datetime", null, false, true, ["created", "createdDate"]),
        ("updated", "Updated", "datetime", null, false, true, ["updated", "updatedDate"]),
        ("resolution", "Resolution", "resolution", null, false, true, ["resolution"]),
        ("resolutiondate", "Resolved", "datetime", null, false, true, ["resolutiondate", "resolved"]),
        ("issuekey", "Key", "string", null, false, true, ["id", "issue", "issuekey", "key"]),
        ("comment", "Comment", "comments-page", null, false, false, ["comment"]),
        ("worklog", "Log Work", "array", "worklog", false, false, []),
        ("watches", "Watchers", "watches", null, false, true, ["watchers"]),
        (Catalog.StoryPointsField, "Story point estimate", "number", null, true, true, ["cf[10016]", "Story point estimate"]),
    ];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/field", (HttpContext context) => JsonResponse.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var f in Fields) WriteField(w, f);
            w.WriteEndArray();
        }));

        MapList(api, "/issuetype", Catalog.IssueTypes, t => t.Id, (w, t, ctx) => CatalogRenderer.WriteIssueType(w, t, ctx), version, state, "issue type");
        MapList(api, "/priority", Catalog.Priorities, p => p.Id, (w, p, ctx) => CatalogRenderer.WritePriority(w, p, ctx, full: true), version, state, "priority");
        MapList(api, "/status", Catalog.Statuses, s => s.Id, (w, s, ctx) => CatalogRenderer.WriteStatus(w, s, ctx), version, state, "status",
            (s, key) => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
        MapList(api, "/statuscategory", Catalog.StatusCategories, c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (w, c, ctx) => CatalogRenderer.WriteStatusCategory(w, c, ctx), version, state, "status category", (c, key) => c.Key == key);
        MapList(api, "/resolution", Catalog.Resolutions, r => r.Id, (w, r, ctx) => CatalogRenderer.WriteResolution(w, r, ctx), version, state, "resolution");

        api.MapGet("/issuesecurityschemes", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("issueSecuritySchemes");
                w.WriteStartObject();
                w.WriteString("self", $"{ctx.ApiRoot}/issuesecurityschemes/10000");
                w.WriteNumber("id", 10000);
                w.WriteString("name", "Default Issue Security Scheme");
                w.WriteString("description", "Internal and confidential levels.");
                w.WriteNumber("defaultSecurityLevelId", 10001);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }

    private static void MapList<T>(RouteGroupBuilder api, string path, IReadOnlyList<T> items, Func<T, string> id,
        Action<Utf8JsonWriter, T, ApiContext> write, int version, EmulatorState state, string what, Func<T, string, bool>? alsoMatches = null)
    {
        api.MapGet(path, (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                foreach (var item in items) write(w, item, ctx);
                w.WriteEndArray();
            });
        });
        api.MapGet(path + "/{itemId}", (HttpContext context, string itemId) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var item = items.FirstOrDefault(i => id(i) == itemId || (alsoMatches?.Invoke(i, itemId) ?? false));
            if (item is null) throw JiraErrorException.NotFound($"The {what} with id '{itemId}' does not exist.");
            return JsonResponse.Ok(w => write(w, item, ctx));
        });
    }

    private static void WriteField(Utf8JsonWriter w, (string Id, string Name, string Type, string? Items, bool Custom, bool Navigable, string[] Clauses) f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("key", f.Id);
        w.WriteString("name", f.Name);
        w.WriteBoolean("custom", f.Custom);
        w.WriteBoolean("orderable", f.Id is not ("status" or "created" or "updated" or "resolutiondate" or "creator" or "issuekey"));
        w.WriteBoolean("navigable", f.Navigable);
        w.WriteBoolean("searchable", true);
        w.WriteStartArray("clauseNames");
        foreach (var clause in f.Clauses) w.WriteStringValue(clause);
        w.WriteEndArray();
        w.WriteStartObject("schema");
        w.WriteString("type", f.Type);
        if (f.Items is not null) w.WriteString("items", f.Items);
        if (f.Custom)
        {
            w.WriteString("custom", "com.atlassian.jira.plugin.system.customfieldtypes:float");
            w.WriteNumber("customId", 10016);
        }
        else
        {
            w.WriteString("system", f.Id);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
