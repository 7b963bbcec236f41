using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraEmulator.Rendering;

/// <summary>
/// Atlassian Document Format for v3 text fields. Text is stored plain; v3 wraps it in a document
/// (one paragraph per line) and accepts a document on input, whose text nodes are flattened back.
/// </summary>
public static class Adf
{
    public static void WriteDocument(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "doc");
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("content");
        foreach (var line in text.Split('\n'))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "paragraph");
            writer.WriteStartArray("content");
            if (line.Length > 0)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "text");
                writer.WriteString("text", line);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the text field for the API version: ADF on v3, a plain string on v2, null when absent.</summary>
    public static void WriteText(Utf8JsonWriter writer, string name, string? text, ApiContext api)
    {
        if (text is null) { writer.WriteNull(name); return; }
        if (api.Version >= 3)
        {
            writer.WritePropertyName(name);
            WriteDocument(writer, text);
        }
        else
        {
            writer.WriteString(name, text);
        }
    }

    /// <summary>Reads a text value sent by a client: a string (v2) or an ADF document (v3). Returns false for anything else.</summary>
    public static bool TryRead(JsonNode? node, out string? text)
    {
        switch (node)
        {
            case null:
                text = null;
                return true;
            case JsonValue value when value.TryGetValue(out string? s):
                text = s;
                return true;
            case JsonObject doc when doc["type"]?.GetValue<string>() == "doc":
                var builder = new StringBuilder();
                Flatten(doc, builder);
                text = builder.ToString().TrimEnd('\n');
                return true;
            default:
                text = null;
                return false;
        }
    }

    private static void Flatten(JsonNode node, StringBuilder builder)
    {
        if (node is not JsonObject obj) return;
        if (obj["text"] is JsonValue t && t.TryGetValue(out string? s)) builder.Append(s);
        if (obj["type"] is JsonValue type && type.TryGetValue(out string? kind) && kind == "hardBreak") builder.Append('\n');
        if (obj["content"] is JsonArray content)
        {
            foreach (var child in content) if (child is not null) Flatten(child, builder);
            if (KindOf(obj) is "paragraph" or "heading" or "codeBlock" or "listItem") builder.Append('\n');
        }
        static string? KindOf(JsonObject o) => o["type"] is JsonValue v && v.TryGetValue(out string? k) ? k : null;
    }
}
