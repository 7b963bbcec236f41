using System.Globalization;
using System.Management.Automation;
using System.Text.Json;

namespace JiraConnector.Resources
{
    /// <summary>Turns Jira JSON into what ConvertFrom-Json would give: PSCustomObjects, object[]
    /// arrays, strings, numbers, booleans and nulls. Used lazily for the Raw property only.</summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                    }
                    return result;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    var index = 0;
                    foreach (var item in element.EnumerateArray()) items[index++] = Convert(item);
                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out var i)) return i;
                    if (element.TryGetInt64(out var l)) return l;
                    return element.TryGetDecimal(out var d) ? d : double.Parse(element.GetRawText(), CultureInfo.InvariantCulture);
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
