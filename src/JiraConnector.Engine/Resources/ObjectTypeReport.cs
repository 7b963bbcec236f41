using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace JiraConnector.Resources
{
    /// <summary>Describes resources for Get-JiraObjectType: the typed record's properties, and for
    /// incidents the instance's real fields from GET field (JQL can query the searchable ones).</summary>
    internal static class ObjectTypeReport
    {
        private static readonly HashSet<string> NotFields = new HashSet<string>(StringComparer.Ordinal) { "Raw", "RawJson", "InstanceName", "ObjectName" };

        public static ObjectType Describe(ResourceDefinition definition, FieldCatalog? catalog)
        {
            List<ObjectField> fields;
            if (definition.Name == "incidents" && catalog != null)
            {
                fields = catalog.Fields.Select(f => new ObjectField(f.Name ?? f.Id, f.Id, f.ItemType == null ? f.Type : f.Type + " of " + f.ItemType,
                    f.Searchable, f.Searchable)).ToList();
            }
            else
            {
                var pushed = new HashSet<string>(definition.QueryableFields, StringComparer.OrdinalIgnoreCase);
                // Records are filtered on the client for anything Jira cannot filter, so every property can be queried.
                fields = definition.RecordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => !NotFields.Contains(p.Name))
                    .Select(p => new ObjectField(p.Name, null, TypeName(p.PropertyType), true, pushed.Contains(p.Name)))
                    .ToList();
            }
            return new ObjectType(definition.Name, definition.JiraPath, definition.Verbs, definition.PagingName,
                "JiraConnector." + definition.RecordType.Name, fields);
        }

        private static string TypeName(Type type)
        {
            var inner = Nullable.GetUnderlyingType(type) ?? type;
            if (inner == typeof(string)) return "string";
            if (inner == typeof(bool)) return "boolean";
            if (inner == typeof(long) || inner == typeof(int)) return "number";
            if (inner == typeof(DateTimeOffset)) return "datetime";
            if (inner.IsArray) return "array";
            return inner.Name;
        }
    }
}
