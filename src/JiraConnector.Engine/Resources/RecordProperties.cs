using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;

namespace JiraConnector.Resources
{
    /// <summary>A record's properties by name, as PowerShell shows them: the typed record's public
    /// properties (Name, Key, DisplayName...) and the custom fields a read attached. The client-side
    /// evaluator and the lookups by id read records through it.</summary>
    internal static class RecordProperties
    {
        private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Cache =
            new ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>>();

        public static bool Has(JiraRecord record, string name) => TryGet(record, name, out _);

        public static bool TryGet(JiraRecord record, string name, out object? value)
        {
            if (PropertiesOf(record.GetType()).TryGetValue(name, out var property))
            {
                value = property.GetValue(record);
                return true;
            }
            foreach (var pair in record.CustomFields ?? Array.Empty<KeyValuePair<string, object?>>())
            {
                if (!string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) continue;
                value = pair.Value;
                return true;
            }
            value = null;
            return false;
        }

        private static Dictionary<string, PropertyInfo> PropertiesOf(Type type) =>
            Cache.GetOrAdd(type, t =>
            {
                var properties = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0) properties[property.Name] = property;
                }
                return properties;
            });
    }
}
