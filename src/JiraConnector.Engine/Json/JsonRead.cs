using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace JiraConnector.Json
{
    /// <summary>Forgiving readers for Jira JSON: a missing or differently typed value gives null,
    /// never an exception, because Jira omits fields freely (hidden, not on the screen, DC vs Cloud).</summary>
    internal static class JsonRead
    {
        public static JsonElement? Child(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : (JsonElement?)null;

        public static string? String(JsonElement element, string name)
        {
            var value = Child(element, name);
            if (value == null) return null;
            return value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
        }

        /// <summary>The name of a nested object such as status, priority or issuetype.</summary>
        public static string? Name(JsonElement element, string name, string property = "name")
        {
            var value = Child(element, name);
            return value == null ? null : String(value.Value, property);
        }

        public static DateTimeOffset? Date(JsonElement element, string name)
        {
            var text = String(element, name);
            if (string.IsNullOrEmpty(text)) return null;
            // Jira writes offsets without a colon ("+0000"), which DateTimeOffset does not parse.
            if (text!.Length > 5 && (text[text.Length - 5] == '+' || text[text.Length - 5] == '-') && char.IsDigit(text[text.Length - 1]))
            {
                text = text.Substring(0, text.Length - 2) + ":" + text.Substring(text.Length - 2);
            }
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : (DateTimeOffset?)null;
        }

        public static bool? Bool(JsonElement element, string name)
        {
            var value = Child(element, name);
            if (value == null) return null;
            if (value.Value.ValueKind == JsonValueKind.True) return true;
            if (value.Value.ValueKind == JsonValueKind.False) return false;
            return null;
        }

        public static long? Int64(JsonElement element, string name)
        {
            var value = Child(element, name);
            if (value == null) return null;
            if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt64(out var number)) return number;
            return value.Value.ValueKind == JsonValueKind.String && long.TryParse(value.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
                ? number
                : (long?)null;
        }

        public static string[] Strings(JsonElement element, string name)
        {
            var value = Child(element, name);
            if (value == null || value.Value.ValueKind != JsonValueKind.Array) return Array.Empty<string>();
            var list = new List<string>();
            foreach (var item in value.Value.EnumerateArray())
            {
                list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
            }
            return list.ToArray();
        }
    }
}
