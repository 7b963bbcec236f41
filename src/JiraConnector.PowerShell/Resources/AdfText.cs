using System.Text;
using System.Text.Json;

namespace JiraConnector.Resources
{
    /// <summary>Plain text out of Atlassian Document Format (Cloud's rich text): the text nodes in
    /// order, a line break between blocks. Data Center sends plain strings, which pass through.</summary>
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
