using System.Text.Json;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The create metadata, paged (default 50, at most 200 as the spec says): issue/createmeta/{project}/issuetypes (the
/// project's issue types) and .../issuetypes/{issueTypeId} (the fields a create of that type takes: those the
/// emulator lets a create set, with their schema, operations and allowed values). Cloud answers
/// {startAt, maxResults, total, issueTypes|fields}; Data Center 8.4, where these operations first appeared, pages
/// them as {self, maxResults, startAt, total, isLast, values}.
/// </summary>
public static class CreateMetaEndpoints
{
    public const int DefaultPage = 50, MaxPage = 200;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/createmeta/{projectIdOrKey}/issuetypes", (HttpContext context, string projectIdOrKey) =>
        {
            FindProject(state, projectIdOrKey);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            // Every project of the emulated site uses the default scheme, with all five types.
            return Page(context, ctx, "issueTypes", Catalog.IssueTypes, (w, type) => CatalogRenderer.WriteIssueType(w, type, ctx));
        });

        api.MapGet("/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", (HttpContext context, string projectIdOrKey, string issueTypeId) =>
        {
            var project = FindProject(state, projectIdOrKey);
            var type = Catalog.IssueTypes.FirstOrDefault(t => t.Id == issueTypeId)
                ?? throw JiraErrorException.BadRequest($"The issue type with id '{issueTypeId}' does not exist in project '{project.Key}'.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var fields = Fields.All.Where(f => f.Operations is not null).ToList();
            return Page(context, ctx, "fields", fields, (w, f) => WriteField(w, f, project, type, state, ctx));
        });
    }

    /// <summary>The spec gives these operations no 404: an unknown project is a 400, as for any invalid request.</summary>
    private static Project FindProject(EmulatorState state, string idOrKey) =>
        state.Data.FindProject(idOrKey) ?? throw JiraErrorException.BadRequest($"No project could be found with key '{idOrKey}'.");

    private static IResult Page<T>(HttpContext context, ApiContext ctx, string cloudName, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var request = context.Request;
        int startAt = Math.Max(0, request.GetInt("startAt", 0));
        int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
        return JsonResponse.Ok(w =>
        {
            if (ctx.IsCloud) Paging.WriteOffsetPage(w, cloudName, items, startAt, maxResults, write);
            else Paging.WritePageBean(w, request, ctx, items, startAt, maxResults, write);
        });
    }

    /// <summary>FieldCreateMetadata. Allowed values are listed where the choice is the site's (project, issue type,
    /// priority, the project's components and its versions that are not archived); a priority left out becomes Medium,
    /// as on a default site.</summary>
    private static void WriteField(Utf8JsonWriter w, FieldDefinition f, Project project, IssueType type, EmulatorState state, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteBoolean("required", f.Required);
        FieldRenderer.WriteSchema(w, f);
        w.WriteString("name", f.Name);
        w.WriteString("key", f.Id);
        w.WriteString("fieldId", f.Id);
        w.WriteBoolean("hasDefaultValue", f.Id == "priority");
        w.WriteStartArray("operations");
        foreach (var operation in f.Operations!) w.WriteStringValue(operation);
        w.WriteEndArray();
        switch (f.Id)
        {
            case "project":
                w.WriteStartArray("allowedValues");
                ProjectRenderer.WriteReference(w, project, api);
                w.WriteEndArray();
                break;
            case "issuetype":
                w.WriteStartArray("allowedValues");
                CatalogRenderer.WriteIssueType(w, type, api);
                w.WriteEndArray();
                break;
            case "priority":
                w.WriteStartArray("allowedValues");
                foreach (var priority in Catalog.Priorities) CatalogRenderer.WritePriority(w, priority, api);
                w.WriteEndArray();
                w.WritePropertyName("defaultValue");
                CatalogRenderer.WritePriority(w, Catalog.Priorities[2], api);
                break;
            case "components":
                w.WriteStartArray("allowedValues");
                foreach (var component in state.Data.Components.All().Where(c => c.Project == project)) ProjectRenderer.WriteComponent(w, component, api, full: false);
                w.WriteEndArray();
                break;
            case "fixVersions" or "versions":
                w.WriteStartArray("allowedValues");
                foreach (var v in state.Data.Versions.All().Where(v => v.Project == project && !v.Archived)) ProjectRenderer.WriteVersion(w, v, api, full: false);
                w.WriteEndArray();
                break;
            case "assignee" or "reporter":
                w.WriteString("autoCompleteUrl", $"{api.ApiRoot}/user/assignable/search?project={project.Key}&query=");
                break;
        }
        w.WriteEndObject();
    }
}
