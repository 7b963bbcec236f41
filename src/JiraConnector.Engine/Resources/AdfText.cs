using System.Text;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector.Resources
{
    /// <summary>Plain text to and from Atlassian Document Format (Cloud's rich text): the text nodes
    /// in order, a line break between blocks. Data Center uses plain strings, which pass through.</summary>
    internal static class AdfText
    {
        public static string? ToPlainText(JsonElement? value)
        {
            if (value == null) return null;
            var element = value.Value;
            if (element.ValueKind == JsonValueKind.String) return element.GetString();
            if (element.ValueKind != JsonValueKind.Object) return null;
            var text = new StringBuilder();
            Append(element, text);
            return text.ToString().TrimEnd('\n');
        }

        /// <summary>Plain text as an ADF document: one paragraph per line, so that ToPlainText gives
        /// the same text back.</summary>
        public static void WriteDocument(Utf8JsonWriter writer, string text)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "doc");
            writer.WriteNumber("version", 1);
            writer.WriteStartArray("content");
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "paragraph");
                if (line.Length > 0)
                {
                    writer.WriteStartArray("content");
                    writer.WriteStartObject();
                    writer.WriteString("type", "text");
                    writer.WriteString("text", line);
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static void Append(JsonElement node, StringBuilder text)
        {
            var type = JsonRead.String(node, "type");
            if (type == "text")
            {
                text.Append(JsonRead.String(node, "text"));
                return;
            }
            if (type == "hardBreak")
            {
                text.Append('\n');
                return;
            }
            if (JsonRead.Child(node, "content") is JsonElement content && content.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in content.EnumerateArray()) Append(child, text);
            }
            if (type == "paragraph" || type == "heading" || type == "listItem" || type == "codeBlock")
            {
                text.Append('\n');
            }
        }
    }
}
