using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Http;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The "visibility" and "properties" members that comments and worklogs accept on create and update, validated
/// the way Jira does: an unknown group or role, or a malformed property, is a 400 naming the field.
/// </summary>
public static class RecordExtrasInput
{
    /// <summary>Jira Cloud's default project roles (role 10002 is the administrators' in the seeded permission scheme).</summary>
    public static readonly IReadOnlyList<string> ProjectRoles = Catalog.ProjectRoles.Select(r => r.Name).ToArray();

    /// <summary>The visibility in the body, or null when the body has none (nothing to change).</summary>
    /// <param name="errorKey">Jira's error key: "commentLevel" for comments, "worklogLevel" for worklogs.</param>
    public static Visibility? ReadVisibility(JsonObject body, EmulatorState state, string errorKey)
    {
        if (body["visibility"] is null) return null;
        if (body["visibility"] is not JsonObject node) throw JiraErrorException.Field(errorKey, "The visibility must be an object {type, value}.");
        string? type = node.GetString("type"), value = node.GetString("value"), identifier = node.GetString("identifier");
        switch (type)
        {
            case "group":
                var group = state.Groups.FirstOrDefault(g =>
                    (identifier is not null && state.IsCloud && g.GroupId == identifier) || (value is not null && string.Equals(g.Name, value, StringComparison.OrdinalIgnoreCase)));
                if (group is null) throw JiraErrorException.Field(errorKey, $"Group: {identifier ?? value ?? "(none)"} does not exist.");
                return new Visibility("group", group.Name, group.GroupId);
            case "role":
                string? role = ProjectRoles.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase));
                if (role is null) throw JiraErrorException.Field(errorKey, $"Role: {value ?? "(none)"} does not exist; the roles are {string.Join(", ", ProjectRoles)}.");
                return new Visibility("role", role, null);
            default:
                throw JiraErrorException.Field(errorKey, $"The visibility type '{type}' is not valid: use group or role.");
        }
    }

    /// <summary>The properties in the body ([{key, value}]), or null when the body has none.</summary>
    public static Dictionary<string, JsonNode?>? ReadProperties(JsonObject body)
    {
        if (body["properties"] is null) return null;
        if (body["properties"] is not JsonArray array) throw JiraErrorException.Field("properties", "The properties must be an array of {key, value}.");
        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonObject property || property.GetString("key") is not { Length: > 0 } key)
                throw JiraErrorException.Field("properties", "Each property needs a non-empty key.");
            if (key.Length > 255) throw JiraErrorException.Field("properties", $"The property key '{key[..20]}...' is longer than 255 characters.");
            properties[key] = property["value"]?.DeepClone();
        }
        return properties;
    }
}
