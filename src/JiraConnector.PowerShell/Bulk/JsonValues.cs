using System.Collections.Generic;
using System.Text.Json;

namespace JiraConnector.Bulk
{
    /// <summary>A JSON record's values as the plain .NET values the request-body writer knows
    /// (dictionaries, lists, strings, numbers), so JSON and CSV records take the same path.</summary>
    internal static class JsonValues
    {
        public static object? ToClr(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>();
                    foreach (var property in element.EnumerateObject()) map[property.Name] = ToClr(property.Value);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray()) list.Add(ToClr(item));
                    return list;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
