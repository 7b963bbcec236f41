using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>Fields in the shapes Jira gives them: FieldDetails (GET field; Data Center 8.4.3's has no "key"), and the
/// JsonTypeBean schema that field/search and the create metadata share.</summary>
public static class FieldRenderer
{
    public static void WriteDetails(Utf8JsonWriter w, FieldDefinition f, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        if (api.IsCloud) w.WriteString("key", f.Id);
        w.WriteString("name", f.Name);
        w.WriteBoolean("custom", f.Custom);
        w.WriteBoolean("orderable", f.Orderable);
        w.WriteBoolean("navigable", f.Navigable);
        w.WriteBoolean("searchable", f.Searchable);
        w.WriteStartArray("clauseNames");
        foreach (var clause in f.Clauses) w.WriteStringValue(clause);
        w.WriteEndArray();
        WriteSchema(w, f);
        w.WriteEndObject();
    }

    /// <summary>{type, items?, system} for a system field, {type, items?, custom, customId} for a custom one.</summary>
    public static void WriteSchema(Utf8JsonWriter w, FieldDefinition f)
    {
        w.WriteStartObject("schema");
        w.WriteString("type", f.Type);
        if (f.Items is not null) w.WriteString("items", f.Items);
        if (f.Custom)
        {
            w.WriteString("custom", f.CustomType);
            w.WriteNumber("customId", f.CustomId!.Value);
        }
        else
        {
            w.WriteString("system", f.Id);
        }
        w.WriteEndObject();
    }
}
