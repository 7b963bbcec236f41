using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Project components: project/{k}/components (all, an array), project/{k}/component (Cloud's PageBean of
/// ComponentWithIssueCount, default 50; query, orderBy), POST component (201), GET/PUT/DELETE component/{id} (DELETE
/// moves the issues to moveIssuesTo when given). The lead is leadAccountId on Cloud, leadUserName on Data Center.
/// Only an administrator may write (403 otherwise, which the spec lists for these).
/// </summary>
public static class ComponentEndpoints
{
    public const int DefaultPage = 50, MaxPage = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/project/{projectIdOrKey}/components", (HttpContext context, string projectIdOrKey) =>
        {
            var project = Lookup.Project(state, projectIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Array(ComponentsOf(state, project), (w, c) => ProjectRenderer.WriteComponent(w, c, ctx));
        });

        if (state.IsCloud)
        {
            api.MapGet("/project/{projectIdOrKey}/component", (HttpContext context, string projectIdOrKey) =>
            {
                var project = Lookup.Project(state, projectIdOrKey);
                var request = context.Request;
                var ctx = ApiContext.From(context, version, state.Options.Deployment);
                string query = request.Query["query"].ToString();
                var issues = state.Data.Issues.Snapshot().Where(i => i.Project == project).ToList();
                var counted = ComponentsOf(state, project)
                    .Where(c => query.Length == 0 || c.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || (c.Description ?? "").Contains(query, StringComparison.OrdinalIgnoreCase))
                    .Select(c => (Component: c, Count: issues.Count(i => i.Components.Contains(c))))
                    .ToList();
                string orderBy = request.Query["orderBy"].ToString();
                var ordered = orderBy.TrimStart('+', '-') switch
                {
                    "issueCount" => counted.OrderBy(c => c.Count),
                    "description" => counted.OrderBy(c => c.Component.Description),
                    "lead" => counted.OrderBy(c => c.Component.Lead?.DisplayName),
                    _ => counted.OrderBy(c => c.Component.Name, StringComparer.OrdinalIgnoreCase),
                };
                var page = (orderBy.StartsWith('-') ? ordered.Reverse() : ordered).ToList();
                int startAt = Math.Max(0, request.GetInt("startAt", 0));
                int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
                return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, page, startAt, maxResults,
                    (writer, c) => ProjectRenderer.WriteComponent(writer, c.Component, ctx, issueCount: c.Count)));
            });
        }

        api.MapPost("/component", async (HttpContext context) =>
        {
            RequireAdmin(context);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var project = body.GetString("project") is { } key
                ? Lookup.Project(state, key)
                : throw JiraErrorException.Field("project", "The project is required.");
            var created = new ProjectComponent { Id = state.Data.Components.NewId(), Project = project, Name = "" };
            Update(created, body, state, ctx, requireName: true);
            state.Data.Components.Add(created);
            return JsonResponse.Status(StatusCodes.Status201Created, w => ProjectRenderer.WriteComponent(w, created, ctx));
        });

        api.MapGet("/component/{id}", (HttpContext context, string id) =>
        {
            var found = Find(state, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => ProjectRenderer.WriteComponent(w, found, ctx));
        });

        api.MapPut("/component/{id}", async (HttpContext context, string id) =>
        {
            RequireAdmin(context);
            var found = Find(state, id);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            Update(found, await context.Request.ReadJsonObjectAsync(), state, ctx, requireName: false);
            state.Data.Issues.MarkChanged();
            return JsonResponse.Ok(w => ProjectRenderer.WriteComponent(w, found, ctx));
        });

        api.MapDelete("/component/{id}", (HttpContext context, string id) =>
        {
            RequireAdmin(context);
            var gone = Find(state, id);
            ProjectComponent? moveTo = null;
            if (context.Request.Query["moveIssuesTo"].ToString() is { Length: > 0 } target)
            {
                moveTo = state.Data.Components.Find(target);
                if (moveTo is null || moveTo.Project != gone.Project || moveTo == gone)
                    throw JiraErrorException.NotFound($"The component with id '{target}' is not another component of project {gone.Project.Key}.");
            }
            state.IssueService.Replace(gone.Project, i => i.Components, (i, c) => i.Components = c, gone, moveTo);
            state.Data.Components.Remove(gone);
            return Results.NoContent();
        });
    }

    private static void RequireAdmin(HttpContext context) =>
        Permissions.RequireAdmin(context, "You must have global or project administrator rights in order to modify components.");

    private static List<ProjectComponent> ComponentsOf(EmulatorState state, Project project) =>
        state.Data.Components.All().Where(c => c.Project == project).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static ProjectComponent Find(EmulatorState state, string id) =>
        state.Data.Components.Find(id) ?? throw JiraErrorException.NotFound($"The component with id {id} does not exist.");

    private static void Update(ProjectComponent target, JsonObject body, EmulatorState state, ApiContext ctx, bool requireName)
    {
        var errors = new Dictionary<string, string>();
        string? name = ItemNames.Check(body.GetString("name"), requireName,
            state.Data.Components.All().Where(c => c.Project == target.Project && c != target).Select(c => c.Name), errors,
            "The component name must not be empty.", $"A component with the name {body.GetString("name")?.Trim()} already exists in this project.");
        // Cloud names the lead by account id; Data Center by user name.
        string leadMember = ctx.IsCloud ? "leadAccountId" : "leadUserName";
        User? lead = target.Lead;
        if (body.ContainsKey(leadMember))
        {
            string? id = body.GetString(leadMember);
            lead = id is null ? null : state.Data.Users.FirstOrDefault(u => ctx.IsCloud ? u.AccountId == id : string.Equals(u.Name, id, StringComparison.OrdinalIgnoreCase));
            if (id is not null && lead is null) errors[leadMember] = $"The user '{id}' does not exist.";
        }
        string? assigneeType = body.GetString("assigneeType");
        if (assigneeType is not null && !ProjectComponent.AssigneeTypes.Contains(assigneeType))
            errors["assigneeType"] = $"The assignee type '{assigneeType}' is not valid: use {string.Join(", ", ProjectComponent.AssigneeTypes)}.";
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);

        if (name is not null) target.Name = name;
        if (body.ContainsKey("description")) target.Description = body.GetString("description");
        target.Lead = lead;
        if (assigneeType is not null) target.AssigneeType = assigneeType;
    }
}
