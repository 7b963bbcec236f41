using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>project/search (PageBean, max 100) and the deprecated unpaged GET project.</summary>
public static class ProjectEndpoints
{
    public const int MaxPage = 100;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/project/search", (HttpContext context) =>
        {
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", 50), MaxPage);
            var expand = request.GetList("expand").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var projects = Filter(state.Data.Projects, request);
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, projects, startAt, maxResults,
                (writer, project) => ProjectRenderer.Write(writer, project, ctx, expand)));
        });

        api.MapGet("/project", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var expand = context.Request.GetList("expand").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var projects = state.Data.Projects.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                foreach (var project in projects) ProjectRenderer.Write(w, project, ctx, expand);
                w.WriteEndArray();
            });
        });
    }

    private static List<Project> Filter(IReadOnlyList<Project> all, HttpRequest request)
    {
        IEnumerable<Project> projects = all;
        var keys = request.GetList("keys");
        if (keys.Count > 0) projects = projects.Where(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
        var ids = request.GetList("id");
        if (ids.Count > 0) projects = projects.Where(p => ids.Contains(p.Id));
        string? typeKey = request.Query["typeKey"];
        if (!string.IsNullOrEmpty(typeKey)) projects = projects.Where(p => typeKey.Split(',').Contains(p.ProjectTypeKey, StringComparer.OrdinalIgnoreCase));
        string? query = request.Query["query"];
        if (!string.IsNullOrEmpty(query))
            projects = projects.Where(p => p.Key.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase));

        // orderBy: key (default), name, id, with an optional + or - prefix for direction.
        string orderBy = request.Query["orderBy"].ToString() is { Length: > 0 } o ? o : "key";
        bool descending = orderBy.StartsWith('-');
        string field = orderBy.TrimStart('+', '-').ToLowerInvariant();
        Func<Project, string> sortKey = field switch
        {
            "name" => p => p.Name,
            "id" => p => p.Id.PadLeft(12, '0'),
            _ => p => p.Key,
        };
        var sorted = descending ? projects.OrderByDescending(sortKey, StringComparer.OrdinalIgnoreCase) : projects.OrderBy(sortKey, StringComparer.OrdinalIgnoreCase);
        return sorted.ToList();
    }
}
