using System.Text.Json;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Cloud's paged catalog searches (style A PageBeans): field/search (default 50), statuses/search (default 200,
/// JiraStatus with the category as TODO/IN_PROGRESS/DONE) and priority/search (default 50). The spec states no
/// maximum for them; the emulator clamps to 100, 200 and 100 and echoes what it used.
/// </summary>
public static class CatalogSearchEndpoints
{
    public const int FieldPage = 50, FieldMax = 100;
    public const int StatusPage = 200, StatusMax = 200;
    public const int PriorityPage = 50, PriorityMax = 100;

    private static readonly string[] FieldOrders = ["contextsCount", "lastUsed", "name", "screensCount", "projectsCount"];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (!state.IsCloud) return;

        api.MapGet("/field/search", (HttpContext context) =>
        {
            var request = context.Request;
            var types = request.GetList("type");
            if (types.FirstOrDefault(t => t is not ("custom" or "system")) is { } badType)
                throw JiraErrorException.BadRequest($"The type '{badType}' is not valid: use custom or system.");
            var ids = request.GetList("id").ToHashSet(StringComparer.OrdinalIgnoreCase);
            string query = request.Query["query"].ToString();
            var expand = request.GetList("expand").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fields = Fields.All
                .Where(f => types.Count == 0 || types.Contains(f.Custom ? "custom" : "system"))
                .Where(f => ids.Count == 0 || ids.Contains(f.Id))
                .Where(f => query.Length == 0 || f.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                .ToList();
            string orderBy = request.Query["orderBy"].ToString();
            string orderField = orderBy.TrimStart('-', '+');
            if (orderBy.Length > 0 && !FieldOrders.Contains(orderField))
                throw JiraErrorException.BadRequest($"The orderBy value '{orderBy}' is not valid: use one of {string.Join(", ", FieldOrders)}, optionally with '-' or '+'.");
            // The emulator keeps no usage counts, so every order but name leaves the catalog order.
            if (orderField == "name")
                fields = (orderBy.StartsWith('-') ? fields.OrderByDescending(f => f.Name) : fields.OrderBy(f => f.Name)).ToList();
            return Page(context, version, state, fields, FieldPage, FieldMax, (w, f, _) => WriteField(w, f, expand));
        });

        api.MapGet("/statuses/search", (HttpContext context) =>
        {
            var request = context.Request;
            string search = request.Query["searchString"].ToString();
            if (search.Length > 255) throw JiraErrorException.BadRequest("The searchString must not be longer than 255 characters.");
            string category = request.Query["statusCategory"].ToString();
            if (category.Length > 0 && category is not ("TODO" or "IN_PROGRESS" or "DONE"))
                throw JiraErrorException.BadRequest($"The statusCategory '{category}' is not valid: use TODO, IN_PROGRESS or DONE.");
            string projectId = request.Query["projectId"].ToString();
            if (projectId.Length > 0) Lookup.Project(state, projectId);
            var statuses = Catalog.Statuses
                .Where(s => search.Length == 0 || s.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Where(s => category.Length == 0 || CategoryOf(s) == category)
                .ToList();
            return Page(context, version, state, statuses, StatusPage, StatusMax, (w, s, _) => WriteJiraStatus(w, s));
        });

        api.MapGet("/priority/search", (HttpContext context) =>
        {
            var request = context.Request;
            var ids = request.GetList("id");
            foreach (var projectId in request.GetList("projectId")) Lookup.Project(state, projectId);
            string name = request.Query["priorityName"].ToString();
            bool onlyDefault = request.GetBool("onlyDefault", false);
            var priorities = Catalog.Priorities
                .Where(p => ids.Count == 0 || ids.Contains(p.Id))
                .Where(p => name.Length == 0 || p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .Where(p => !onlyDefault || p.Name == "Medium")
                .ToList();
            return Page(context, version, state, priorities, PriorityPage, PriorityMax, (w, p, ctx) => CatalogRenderer.WritePriority(w, p, ctx, full: true));
        });
    }

    private static IResult Page<T>(HttpContext context, int version, EmulatorState state, IReadOnlyList<T> items, int defaultPage, int maxPage,
        Action<Utf8JsonWriter, T, ApiContext> write)
    {
        var request = context.Request;
        var ctx = ApiContext.From(context, version, state.Options.Deployment);
        int startAt = Math.Max(0, request.GetInt("startAt", 0));
        int maxResults = Paging.Clamp(request.GetInt("maxResults", defaultPage), maxPage);
        return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, items, startAt, maxResults, (writer, item) => write(writer, item, ctx)));
    }

    public static string CategoryOf(Status status) => status.Category.Key switch
    {
        "done" => "DONE",
        "indeterminate" => "IN_PROGRESS",
        _ => "TODO",
    };

    /// <summary>JiraStatus: the category as an enum word and a scope; every seeded status is global (company-managed).</summary>
    private static void WriteJiraStatus(Utf8JsonWriter w, Status status)
    {
        w.WriteStartObject();
        w.WriteString("id", status.Id);
        w.WriteString("name", status.Name);
        w.WriteString("description", status.Description);
        w.WriteString("statusCategory", CategoryOf(status));
        w.WriteStartObject("scope");
        w.WriteString("type", "GLOBAL");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The Field shape (not FieldDetails): key and the counters only when expanded, as Jira does.</summary>
    private static void WriteField(Utf8JsonWriter w, FieldDefinition f, ISet<string> expand)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("name", f.Name);
        FieldRenderer.WriteSchema(w, f);
        if (f.Description is not null) w.WriteString("description", f.Description);
        if (expand.Contains("key")) w.WriteString("key", f.Id);
        if (expand.Contains("isLocked")) w.WriteBoolean("isLocked", false);
        if (f.SearcherKey is not null && expand.Contains("searcherKey")) w.WriteString("searcherKey", f.SearcherKey);
        if (expand.Contains("screensCount")) w.WriteNumber("screensCount", f.Custom ? 1 : 0);
        if (expand.Contains("contextsCount")) w.WriteNumber("contextsCount", f.Custom ? 1 : 0);
        if (expand.Contains("lastUsed"))
        {
            w.WriteStartObject("lastUsed");
            w.WriteString("type", "NOT_TRACKED");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
