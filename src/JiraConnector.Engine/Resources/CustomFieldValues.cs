using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector.Resources
{
    /// <summary>The custom fields a read asked for, kept on an incident by display name with the
    /// values FieldDisplay renders (text from ADF, an option's value, a user's display name); the
    /// module shows each as a property named after the field.</summary>
    internal static class CustomFieldValues
    {
        public static JiraRecord Attach(JiraRecord record, FieldCatalog catalog, IReadOnlyList<string> fieldIds)
        {
            var fields = JsonRead.Child(record.Json, "fields");
            if (fields == null) return record;
            var values = new List<KeyValuePair<string, object?>>();
            var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var id in fieldIds)
            {
                var field = catalog.Find(id);
                if (field == null || !field.Custom) continue;
                var name = field.Name ?? field.Id;
                if (RecordProperties.Has(record, name) || !names.Add(name)) continue;
                values.Add(new KeyValuePair<string, object?>(name, Plain(JsonRead.Child(fields.Value, id))));
            }
            record.CustomFields = values;
            return record;
        }

        public static object? Plain(JsonElement? value) => FieldDisplay.Of(value);
    }
}
