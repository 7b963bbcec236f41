using System.Text.Json;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>The site's fixed catalogs: field, issuetype, priority, status, statuscategory, resolution, issuesecurityschemes.</summary>
public static class MetadataEndpoints
{
    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/field", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Array(Fields.All, (w, f) => FieldRenderer.WriteDetails(w, f, ctx));
        });

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
            return JsonResponse.Array(items, (w, item) => write(w, item, ctx));
        });
        api.MapGet(path + "/{itemId}", (HttpContext context, string itemId) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var item = items.FirstOrDefault(i => id(i) == itemId || (alsoMatches?.Invoke(i, itemId) ?? false));
            if (item is null) throw JiraErrorException.NotFound($"The {what} with id '{itemId}' does not exist.");
            return JsonResponse.Ok(w => write(w, item, ctx));
        });
    }
}
