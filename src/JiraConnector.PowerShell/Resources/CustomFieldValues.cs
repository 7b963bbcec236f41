using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace JiraConnector.Resources
{
    /// <summary>Adds the custom fields a read asked for to an incident as properties named by their
    /// display name, with plain values: text from ADF, an option's value, a user's display name.</summary>
    internal static class CustomFieldValues
    {
        public static JiraRecord Attach(JiraRecord record, FieldCatalog catalog, IReadOnlyList<string> fieldIds)
        {
            var fields = JsonRead.Child(record.Json, "fields");
            if (fields == null) return record;
            var wrapped = PSObject.AsPSObject(record);
            foreach (var id in fieldIds)
            {
                var field = catalog.Find(id);
                if (field == null || !field.Custom) continue;
                var name = field.Name ?? field.Id;
                if (wrapped.Properties[name] != null) continue;
                wrapped.Properties.Add(new PSNoteProperty(name, Plain(JsonRead.Child(fields.Value, id))));
            }
            return record;
        }

        public static object? Plain(JsonElement? value)
        {
            if (value == null) return null;
            var element = value.Value;
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (var item in element.EnumerateArray()) items.Add(Plain(item));
                    return items.ToArray();
                case JsonValueKind.Object:
                    if (JsonRead.String(element, "type") == "doc") return AdfText.ToPlainText(element);
                    return JsonRead.String(element, "value") ?? JsonRead.String(element, "displayName") ?? JsonRead.String(element, "name")
                        ?? JsonToPowerShell.Convert(element);
                default:
                    return JsonToPowerShell.Convert(element);
            }
        }
    }
}
