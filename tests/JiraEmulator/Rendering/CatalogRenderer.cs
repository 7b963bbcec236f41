using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>JSON for the catalog objects, as they appear inside issues and in their own collections.</summary>
public static class CatalogRenderer
{
    public static void WriteStatus(Utf8JsonWriter writer, Status status, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/status/{status.Id}");
        writer.WriteString("description", status.Description);
        writer.WriteString("iconUrl", $"{api.SiteUrl}/images/icons/statuses/generic.png");
        writer.WriteString("name", status.Name);
        writer.WriteString("id", status.Id);
        writer.WritePropertyName("statusCategory");
        WriteStatusCategory(writer, status.Category, api);
        writer.WriteEndObject();
    }

    public static void WriteStatusCategory(Utf8JsonWriter writer, StatusCategory category, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/statuscategory/{category.Id}");
        writer.WriteNumber("id", category.Id);
        writer.WriteString("key", category.Key);
        writer.WriteString("colorName", category.ColorName);
        writer.WriteString("name", category.Name);
        writer.WriteEndObject();
    }

    public static void WriteIssueType(Utf8JsonWriter writer, IssueType type, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/issuetype/{type.Id}");
        writer.WriteString("id", type.Id);
        writer.WriteString("description", type.Description);
        writer.WriteString("iconUrl", $"{api.SiteUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/{type.AvatarId}?size=medium");
        writer.WriteString("name", type.Name);
        writer.WriteBoolean("subtask", type.Subtask);
        writer.WriteNumber("avatarId", type.AvatarId);
        if (api.IsCloud) writer.WriteNumber("hierarchyLevel", type.HierarchyLevel);
        writer.WriteEndObject();
    }

    public static void WritePriority(Utf8JsonWriter writer, Priority priority, ApiContext api, bool full = false)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/priority/{priority.Id}");
        writer.WriteString("iconUrl", $"{api.SiteUrl}/images/icons/priorities/{priority.Name.ToLowerInvariant()}.svg");
        writer.WriteString("name", priority.Name);
        writer.WriteString("id", priority.Id);
        if (full)
        {
            writer.WriteString("description", priority.Description);
            writer.WriteString("statusColor", priority.StatusColor);
            if (api.IsCloud) writer.WriteBoolean("isDefault", priority.Name == "Medium");
        }
        writer.WriteEndObject();
    }

    public static void WriteResolution(Utf8JsonWriter writer, Resolution resolution, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/resolution/{resolution.Id}");
        writer.WriteString("id", resolution.Id);
        writer.WriteString("description", resolution.Description);
        writer.WriteString("name", resolution.Name);
        writer.WriteEndObject();
    }
}
