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
}
