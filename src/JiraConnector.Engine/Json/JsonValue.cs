using System.Collections.Generic;
using System.Text.Json;

namespace JiraConnector.Json
{
    /// <summary>The one conversion of Jira JSON into plain .NET values: objects become
    /// dictionaries (in Jira's order), arrays object arrays, and numbers follow one rule, the one
    /// ConvertFrom-Json follows: a whole number is an Int64, any other a Double. Every reader of
    /// JSON values (Raw, custom fields, the client-side evaluator, bulk records) goes through it,
    /// so a value reads the same wherever it is shown or compared.</summary>
    internal static class JsonValue
    {
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>();
                    foreach (var property in element.EnumerateObject()) map[property.Name] = ToPlain(property.Value);
                    return map;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    var index = 0;
                    foreach (var item in element.EnumerateArray()) items[index++] = ToPlain(item);
                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return Number(element);
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }

        /// <summary>A JSON number: Int64 when it is written whole and fits, else Double (so 5.0
        /// shows as 5, never 5.00).</summary>
        public static object Number(JsonElement number) =>
            number.TryGetInt64(out var whole) ? whole : (object)number.GetDouble();
    }
}
