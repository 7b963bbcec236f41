using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraEmulator.Rendering;

/// <summary>
/// Atlassian Document Format for v3 text fields. Text is kept as Jira's wiki markup (what v2 reads and writes); v3
/// turns it into a document and a document sent to v3 back into markup (WikiMarkup), as Jira converts between them.
/// </summary>
public static class Adf
{
    public static void WriteDocument(Utf8JsonWriter writer, string text) => WikiMarkup.WriteDocument(writer, text);

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
            case JsonObject doc when doc["type"] is JsonValue type && type.TryGetValue(out string? kind) && kind == "doc":
                text = WikiMarkup.FromAdf(doc);
                return true;
            default:
                text = null;
                return false;
        }
    }
}
