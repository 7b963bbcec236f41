using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

public static class ProjectRenderer
{
    /// <summary>The short form used inside an issue's "project" field.</summary>
    public static void WriteReference(Utf8JsonWriter writer, Project project, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/project/{project.Id}");
        writer.WriteString("id", project.Id);
        writer.WriteString("key", project.Key);
        writer.WriteString("name", project.Name);
        writer.WriteString("projectTypeKey", project.ProjectTypeKey);
        if (api.IsCloud) writer.WriteBoolean("simplified", false);
        UserRenderer.WriteAvatarUrls(writer, api, $"project/{project.Id}");
        writer.WriteEndObject();
    }

    /// <summary>The form returned by project/search and GET project/{key}. expand adds description and lead.</summary>
    public static void Write(Utf8JsonWriter writer, Project project, ApiContext api, ISet<string> expand)
    {
        writer.WriteStartObject();
        writer.WriteString("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
        writer.WriteString("self", $"{api.ApiRoot}/project/{project.Id}");
        writer.WriteString("id", project.Id);
        writer.WriteString("key", project.Key);
        writer.WriteString("name", project.Name);
        if (expand.Contains("description")) writer.WriteString("description", project.Description);
        if (expand.Contains("lead")) UserRenderer.WriteOrNull(writer, "lead", project.Lead, api);
        UserRenderer.WriteAvatarUrls(writer, api, $"project/{project.Id}");
        writer.WriteString("projectTypeKey", project.ProjectTypeKey);
        if (project.Category is { } category)
        {
            writer.WritePropertyName("projectCategory");
            WriteCategory(writer, category, api);
        }
        if (expand.Contains("issueTypes"))
        {
            writer.WriteStartArray("issueTypes");
            foreach (var type in Catalog.IssueTypes) CatalogRenderer.WriteIssueType(writer, type, api);
            writer.WriteEndArray();
        }
        if (api.IsCloud)
        {
            writer.WriteBoolean("simplified", false);
            writer.WriteString("style", "classic");
            writer.WriteBoolean("isPrivate", false);
            writer.WriteStartObject("properties");
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static void WriteCategory(Utf8JsonWriter writer, ProjectCategory category, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/projectCategory/{category.Id}");
        writer.WriteString("id", category.Id);
        writer.WriteString("name", category.Name);
        writer.WriteString("description", category.Description);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A Version. In an issue's fixVersions and versions Jira shows the short form (no dates for display, no projectId);
    /// the version resources add userStartDate, userReleaseDate, overdue and projectId. Dates are yyyy-MM-dd, the user
    /// forms d/MMM/yyyy as in the spec's examples.
    /// </summary>
    public static void WriteVersion(Utf8JsonWriter writer, ProjectVersion version, ApiContext api, bool full = true)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/version/{version.Id}");
        writer.WriteString("id", version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (version.Description is not null) writer.WriteString("description", version.Description);
        writer.WriteString("name", version.Name);
        writer.WriteBoolean("archived", version.Archived);
        writer.WriteBoolean("released", version.Released);
        if (version.StartDate is { } start && full) writer.WriteString("startDate", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (version.ReleaseDate is { } release) writer.WriteString("releaseDate", release.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (full)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            writer.WriteBoolean("overdue", !version.Released && version.ReleaseDate < today);
            if (version.StartDate is { } userStart) writer.WriteString("userStartDate", UserDate(userStart));
            if (version.ReleaseDate is { } userRelease) writer.WriteString("userReleaseDate", UserDate(userRelease));
            writer.WriteNumber("projectId", long.Parse(version.Project.Id, System.Globalization.CultureInfo.InvariantCulture));
        }
        writer.WriteEndObject();
    }

    private static string UserDate(DateOnly date) => date.ToString("d/MMM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A component. Issues' components show {self, id, name, description}; the component resources add the lead,
    /// the assignee rules and the project (Data Center also leadUserName).</summary>
    public static void WriteComponent(Utf8JsonWriter writer, ProjectComponent component, ApiContext api, bool full = true, int? issueCount = null)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/component/{component.Id}");
        writer.WriteString("id", component.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("name", component.Name);
        if (component.Description is not null) writer.WriteString("description", component.Description);
        if (full)
        {
            if (component.Lead is { } lead)
            {
                UserRenderer.WriteOrNull(writer, "lead", lead, api);
                if (!api.IsCloud) writer.WriteString("leadUserName", lead.Name);
            }
            var (realType, realAssignee, valid) = component.RealAssignee();
            writer.WriteString("assigneeType", component.AssigneeType);
            if (realAssignee is not null) UserRenderer.WriteOrNull(writer, "assignee", realAssignee, api);
            writer.WriteString("realAssigneeType", realType);
            if (realAssignee is not null) UserRenderer.WriteOrNull(writer, "realAssignee", realAssignee, api);
            writer.WriteBoolean("isAssigneeTypeValid", valid);
            writer.WriteString("project", component.Project.Key);
            writer.WriteNumber("projectId", long.Parse(component.Project.Id, System.Globalization.CultureInfo.InvariantCulture));
            if (issueCount is int count) writer.WriteNumber("issueCount", count);
        }
        writer.WriteEndObject();
    }
}
