using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector.Resources
{
    /// <summary>The one rendering of an issue field's value, wherever a field is shown: the typed
    /// record's properties (Assignee, Status, Project), custom fields read by name, and the columns
    /// of a select. A user shows its display name, an option its value, a project its key, other
    /// references their name; rich text (ADF) its plain text; numbers by JsonValue's one rule (5,
    /// never 5.00).</summary>
    internal static class FieldDisplay
    {
        // The member that names an object, in the order Jira's shapes put the readable one first.
        private static readonly string[] Names = { "value", "displayName", "key", "name" };

        public static object? Of(JsonElement? value)
        {
            if (value == null) return null;
            var element = value.Value;
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (var item in element.EnumerateArray()) items.Add(Of(item));
                    return items.ToArray();
                case JsonValueKind.Object:
                    if (JsonRead.String(element, "type") == "doc") return AdfText.ToPlainText(element);
                    foreach (var name in Names)
                    {
                        if (JsonRead.String(element, name) is string text) return text;
                    }
                    return JsonValue.ToPlain(element);
                default:
                    return JsonValue.ToPlain(element);
            }
        }

        /// <summary>The field <paramref name="id"/> of an issue's fields object, as text.</summary>
        public static string? Text(JsonElement fields, string id) => Of(JsonRead.Child(fields, id)) is object shown ? System.Convert.ToString(shown, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
