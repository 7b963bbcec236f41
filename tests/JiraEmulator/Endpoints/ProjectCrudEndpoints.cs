using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>GET/POST/PUT/DELETE project. Creating and deleting need an administrator, as in Jira.</summary>
public static partial class ProjectCrudEndpoints
{
    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex KeyPattern();

    private static readonly string[] ProjectTypes = ["software", "service_desk", "business"];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/project/{projectIdOrKey}", (HttpContext context, string projectIdOrKey) =>
        {
            var project = Lookup.Project(state, projectIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            // GET project returns description, lead and issue types without being asked.
            var expand = context.Request.GetList("expand").Concat(["description", "lead", "issueTypes"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return JsonResponse.Ok(w => ProjectRenderer.Write(w, project, ctx, expand));
        });

        api.MapPost("/project", async (HttpContext context) =>
        {
            RequireAdmin(context);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var errors = new Dictionary<string, string>();
            string key = body.GetString("key") ?? "";
            string name = body.GetString("name") ?? "";
            string type = body.GetString("projectTypeKey") ?? "";
            if (!KeyPattern().IsMatch(key))
                errors["projectKey"] = "Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters (2 to 10 in all).";
            else if (state.Data.FindProject(key) is not null)
                errors["projectKey"] = $"Project '{state.Data.FindProject(key)!.Name}' uses this project key.";
            if (string.IsNullOrWhiteSpace(name)) errors["projectName"] = "You must specify a valid project name.";
            else if (state.Data.Projects.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                errors["projectName"] = "A project with that name already exists.";
            if (!ProjectTypes.Contains(type)) errors["projectTypeKey"] = "A valid project type key is required.";
            var lead = FindLead(body, state);
            if (lead is null) errors["projectLead"] = "You must specify a valid project lead.";
            ProjectCategory? category = null;
            if (body["categoryId"] is { } categoryId)
            {
                category = Catalog.ProjectCategories.FirstOrDefault(c => c.Id == categoryId.ToString());
                if (category is null) errors["categoryId"] = "The project category does not exist.";
            }
            if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);

            var project = new Project
            {
                Id = state.Data.NewProjectId(),
                Key = key,
                Name = name,
                ProjectTypeKey = type,
                Lead = lead!,
                Description = body.GetString("description") ?? "",
                Category = category,
            };
            state.Data.AddProject(project);
            return JsonResponse.Status(StatusCodes.Status201Created, w =>
            {
                w.WriteStartObject();
                w.WriteString("self", $"{ctx.ApiRoot}/project/{project.Id}");
                w.WriteNumber("id", long.Parse(project.Id, System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("key", project.Key);
                w.WriteEndObject();
            });
        });

        api.MapPut("/project/{projectIdOrKey}", async (HttpContext context, string projectIdOrKey) =>
        {
            RequireAdmin(context);
            var project = Lookup.Project(state, projectIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            if (body.GetString("key") is { } newKey && !string.Equals(newKey, project.Key, StringComparison.Ordinal))
                throw JiraErrorException.Field("projectKey", "Changing the project key is not supported by the emulator.");
            if (body.GetString("name") is { Length: > 0 } name) project.Name = name;
            if (body.GetString("description") is { } description) project.Description = description;
            if (body["leadAccountId"] is not null || body["lead"] is not null)
                project.Lead = FindLead(body, state) ?? throw JiraErrorException.Field("projectLead", "You must specify a valid project lead.");
            if (body["categoryId"] is { } categoryId)
                project.Category = Catalog.ProjectCategories.FirstOrDefault(c => c.Id == categoryId.ToString())
                    ?? throw JiraErrorException.Field("categoryId", "The project category does not exist.");
            var expand = new HashSet<string>(["description", "lead", "issueTypes"], StringComparer.OrdinalIgnoreCase);
            return JsonResponse.Ok(w => ProjectRenderer.Write(w, project, ctx, expand));
        });

        api.MapDelete("/project/{projectIdOrKey}", (HttpContext context, string projectIdOrKey) =>
        {
            // The spec gives deleteProject no 403: a caller who may not delete gets the same 404 as a missing project.
            Permissions.RequireAdmin(context, $"No project could be found with key '{projectIdOrKey}' or you don't have permission to delete it.",
                StatusCodes.Status404NotFound);
            var project = Lookup.Project(state, projectIdOrKey);
            // Deleting a project deletes its issues.
            foreach (var issue in state.Data.Issues.Snapshot().Where(i => i.Project == project))
                state.IssueService.Delete(issue, context.CurrentUser());
            state.Data.RemoveProject(project);
            return Results.NoContent();
        });

        api.MapGet("/projectCategory", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Array(Catalog.ProjectCategories, (w, category) => ProjectRenderer.WriteCategory(w, category, ctx));
        });

        api.MapGet("/projectCategory/{id}", (HttpContext context, string id) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var category = Catalog.ProjectCategories.FirstOrDefault(c => c.Id == id)
                ?? throw JiraErrorException.NotFound($"The project category with id '{id}' does not exist.");
            return JsonResponse.Ok(w => ProjectRenderer.WriteCategory(w, category, ctx));
        });
    }

    private static void RequireAdmin(HttpContext context) =>
        Permissions.RequireAdmin(context, "You must have global administrator rights in order to modify projects.");

    private static User? FindLead(JsonObject body, EmulatorState state)
    {
        string? id = body.GetString("leadAccountId") ?? body.GetString("lead");
        return id is null ? null : state.Data.Users.FirstOrDefault(u => u.AccountId == id || u.Name == id);
    }
}
