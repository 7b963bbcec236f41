using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using JiraConnector.Resources;

namespace JiraConnector.Query
{
    /// <summary>Field values of any record for the client-side evaluator: a property of the typed
    /// record first (Name, Key, DisplayName...), else a dotted path into Jira's JSON
    /// (`lead.displayName`), so every field Jira returns can be filtered on.</summary>
    internal static class RecordFields
    {
        public static Func<string, object?> ReaderFor(JiraRecord record)
        {
            PSObject? wrapped = null;
            return name =>
            {
                if (name.IndexOf('.') < 0)
                {
                    wrapped ??= PSObject.AsPSObject(record);
                    var property = wrapped.Properties[name];
                    if (property != null && !(property.Name == "Raw" || property.Name == "RawJson")) return property.Value;
                }
                return FromJson(record.Json, name.Split('.'));
            };
        }

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
                    var text = element.GetString();
                    return QueryDates.TryParse(text ?? string.Empty, out var date) && (text ?? string.Empty).Length > 10 ? date : (object?)text;
                case JsonValueKind.Number: return element.GetDecimal();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array: return element.EnumerateArray().Select(Value).ToList();
                case JsonValueKind.Object:
                    return new FieldAliases(new[] { "name", "key", "value", "displayName", "id" }.Select(n => JsonRead.String(element, n)));
                default: return null;
            }
        }
    }
}
