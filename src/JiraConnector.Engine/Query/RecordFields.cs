using System;
using System.Linq;
using System.Text.Json;
using JiraConnector.Json;
using JiraConnector.Resources;

namespace JiraConnector.Query
{
    /// <summary>Field values of any record for the client-side evaluator: a property of the typed
    /// record first (Name, Key, DisplayName...), else a dotted path into Jira's JSON
    /// (`lead.displayName`), so every field Jira returns can be filtered on.</summary>
    internal static class RecordFields
    {
        public static Func<string, object?> ReaderFor(JiraRecord record) =>
            name => name.IndexOf('.') < 0 && RecordProperties.TryGet(record, name, out var value) ? value : FromJson(record.Json, name.Split('.'));

        private static object? FromJson(JsonElement element, string[] path)
        {
            var current = element;
            foreach (var segment in path)
            {
                if (current.ValueKind != JsonValueKind.Object) return null;
                var match = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
                if (match.Value.ValueKind == JsonValueKind.Undefined) return null;
                current = match.Value;
            }
            return Value(current);
        }

        private static object? Value(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    var text = element.GetString() ?? string.Empty;
                    return text.Length > 10 && QueryDates.TryParse(text, out var date) ? date : (object?)text;
                case JsonValueKind.Array: return element.EnumerateArray().Select(Value).ToList();
                case JsonValueKind.Object:
                    return new FieldAliases(new[] { "name", "key", "value", "displayName", "id" }.Select(n => JsonRead.String(element, n)));
                default: return JsonValue.ToPlain(element);
            }
        }
    }
}
