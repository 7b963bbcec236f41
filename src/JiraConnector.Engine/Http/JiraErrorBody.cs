using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace JiraConnector.Http
{
    /// <summary>Jira's ErrorCollection: {"errorMessages":[...], "errors":{"field":"message"}}. Many
    /// responses have an empty or non-JSON body, so parsing never throws.</summary>
    internal sealed class JiraErrorBody
    {
        private JiraErrorBody(IReadOnlyList<string> messages, IReadOnlyDictionary<string, string> fieldErrors)
        {
            Messages = messages;
            FieldErrors = fieldErrors;
        }

        public IReadOnlyList<string> Messages { get; }

        public IReadOnlyDictionary<string, string> FieldErrors { get; }

        public static JiraErrorBody Parse(string? body)
        {
            var messages = new List<string>();
            var fields = new Dictionary<string, string>();
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    using var doc = JsonDocument.Parse(body!);
                    ReadInto(doc.RootElement, messages, fields);
                }
                catch (JsonException)
                {
                    // Not JSON (an HTML error page from a proxy, say): keep a short excerpt.
                    messages.Add(Excerpt(body!));
                }
            }
            return new JiraErrorBody(messages, fields);
        }

        private static void ReadInto(JsonElement root, List<string> messages, Dictionary<string, string> fields)
        {
            if (root.ValueKind != JsonValueKind.Object) return;
            if (root.TryGetProperty("errorMessages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
            if (root.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in map.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ToString();
                }
            }
            // The OAuth token endpoint answers {"error":"invalid_grant","error_description":"..."}.
            if (root.TryGetProperty("error_description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                messages.Add(description.GetString()!);
            }
        }

        private static string Excerpt(string body)
        {
            var trimmed = body.Trim();
            return trimmed.Length <= 200 ? trimmed : trimmed.Substring(0, 200) + "...";
        }

        public override string ToString()
        {
            var parts = new List<string>(Messages);
            parts.AddRange(FieldErrors.Select(pair => pair.Key + ": " + pair.Value));
            return string.Join("; ", parts);
        }
    }
}
