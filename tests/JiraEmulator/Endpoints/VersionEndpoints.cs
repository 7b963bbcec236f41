using System.Globalization;
using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Project versions: project/{k}/versions (all, an array), project/{k}/version (PageBean, default 50; orderBy, query,
/// status), POST version (201), GET/PUT/DELETE version/{id} (DELETE moves the issues to moveFixIssuesTo and
/// moveAffectedIssuesTo when given, else takes the version off them). Only an administrator may write; the spec
/// gives Cloud's writes no 403, so others get 404 there, and 403 on Data Center, whose WADL lists it.
/// </summary>
public static class VersionEndpoints
{
    public const int DefaultPage = 50, MaxPage = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/project/{projectIdOrKey}/versions", (HttpContext context, string projectIdOrKey) =>
        {
            var project = Lookup.Project(state, projectIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Array(VersionsOf(state, project), (w, v) => ProjectRenderer.WriteVersion(w, v, ctx));
        });

        api.MapGet("/project/{projectIdOrKey}/version", (HttpContext context, string projectIdOrKey) =>
        {
            var project = Lookup.Project(state, projectIdOrKey);
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            string query = request.Query["query"].ToString();
            var statuses = request.GetList("status");
            IEnumerable<ProjectVersion> versions = VersionsOf(state, project)
                .Where(v => query.Length == 0 || v.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || (v.Description ?? "").Contains(query, StringComparison.OrdinalIgnoreCase))
                .Where(v => statuses.Count == 0 || statuses.Contains(v.Archived ? "archived" : v.Released ? "released" : "unreleased"));
            versions = Order(versions, request.Query["orderBy"].ToString());
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, versions.ToList(), startAt, maxResults,
                (writer, v) => ProjectRenderer.WriteVersion(writer, v, ctx)));
        });

        api.MapPost("/version", async (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            RequireAdmin(context, ctx);
            var body = await context.Request.ReadJsonObjectAsync();
            var project = (body.GetString("project") ?? body["projectId"]?.ToString()) is { } reference
                ? Lookup.Project(state, reference)
                : throw JiraErrorException.Field("project", "The project of the version is required: give project (its key) or projectId.");
            var created = new ProjectVersion { Id = state.Data.Versions.NewId(), Project = project, Name = "" };
            Update(created, body, state, requireName: true);
            state.Data.Versions.Add(created);
            return JsonResponse.Status(StatusCodes.Status201Created, w => ProjectRenderer.WriteVersion(w, created, ctx));
        });

        api.MapGet("/version/{id}", (HttpContext context, string id) =>
        {
            var found = Find(state, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => ProjectRenderer.WriteVersion(w, found, ctx));
        });

        api.MapPut("/version/{id}", async (HttpContext context, string id) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            RequireAdmin(context, ctx);
            var found = Find(state, id);
            Update(found, await context.Request.ReadJsonObjectAsync(), state, requireName: false);
            state.Data.Issues.MarkChanged();
            return JsonResponse.Ok(w => ProjectRenderer.WriteVersion(w, found, ctx));
        });

        api.MapDelete("/version/{id}", (HttpContext context, string id) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            RequireAdmin(context, ctx);
            var gone = Find(state, id);
            var fixTo = Replacement(state, gone, context.Request.Query["moveFixIssuesTo"]);
            var affectedTo = Replacement(state, gone, context.Request.Query["moveAffectedIssuesTo"]);
            state.IssueService.Replace(gone.Project, i => i.FixVersions, (i, v) => i.FixVersions = v, gone, fixTo);
            state.IssueService.Replace(gone.Project, i => i.AffectsVersions, (i, v) => i.AffectsVersions = v, gone, affectedTo);
            state.Data.Versions.Remove(gone);
            return Results.NoContent();
        });
    }

    private static void RequireAdmin(HttpContext context, ApiContext ctx) =>
        Permissions.RequireAdmin(context, "You must have global or project administrator rights in order to modify versions.",
            ctx.IsCloud ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden);

    /// <summary>The project's versions in Jira's sequence (creation order, the order the spec's sequence sorts by).</summary>
    private static List<ProjectVersion> VersionsOf(EmulatorState state, Project project) =>
        state.Data.Versions.All().Where(v => v.Project == project).ToList();

    /// <summary>orderBy: description, name, releaseDate, sequence or startDate, with '+' or '-'. The spec gives this
    /// operation no 400, so anything else keeps the sequence.</summary>
    private static IEnumerable<ProjectVersion> Order(IEnumerable<ProjectVersion> versions, string orderBy)
    {
        Func<ProjectVersion, IComparable?>? key = orderBy.TrimStart('+', '-') switch
        {
            "name" => v => v.Name,
            "description" => v => v.Description,
            "releaseDate" => v => v.ReleaseDate,
            "startDate" => v => v.StartDate,
            "sequence" => v => v.Id,
            _ => null,
        };
        if (key is null) return versions;
        return orderBy.StartsWith('-') ? versions.OrderByDescending(key) : versions.OrderBy(key);
    }

    private static ProjectVersion Find(EmulatorState state, string id) =>
        state.Data.Versions.Find(id) ?? throw JiraErrorException.NotFound($"Could not find version for id '{id}'");

    /// <summary>Another version of the same project, named by id, to move issues to; null when none is named.</summary>
    private static ProjectVersion? Replacement(EmulatorState state, ProjectVersion gone, string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        var replacement = state.Data.Versions.Find(id);
        if (replacement is null || replacement.Project != gone.Project || replacement == gone)
            throw JiraErrorException.BadRequest($"The version with id '{id}' is not another version of project {gone.Project.Key}.");
        return replacement;
    }

    /// <summary>Applies the members the body has; a create must name the version. Errors are Jira's, by field.</summary>
    private static void Update(ProjectVersion target, JsonObject body, EmulatorState state, bool requireName)
    {
        var errors = new Dictionary<string, string>();
        string? name = ItemNames.Check(body.GetString("name"), requireName,
            state.Data.Versions.All().Where(v => v.Project == target.Project && v != target).Select(v => v.Name), errors,
            "You must specify a valid version name", "A version with this name already exists in this project.");
        var start = ReadDate(body, "startDate", target.StartDate, errors);
        var release = ReadDate(body, "releaseDate", target.ReleaseDate, errors);
        if (start > release) errors["startDate"] = "The start date must be before the release date.";
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);

        if (name is not null) target.Name = name;
        if (body.ContainsKey("description")) target.Description = body.GetString("description");
        if (body["archived"] is JsonValue archived && archived.TryGetValue(out bool isArchived)) target.Archived = isArchived;
        if (body["released"] is JsonValue released && released.TryGetValue(out bool isReleased)) target.Released = isReleased;
        target.StartDate = start;
        target.ReleaseDate = release;
    }

    private static DateOnly? ReadDate(JsonObject body, string member, DateOnly? current, Dictionary<string, string> errors)
    {
        if (!body.ContainsKey(member)) return current;
        string? text = body.GetString(member);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[member] = $"The {member} '{text}' is not a date in the format yyyy-MM-dd.";
        return current;
    }
}
