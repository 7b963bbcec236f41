using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace JiraConnector.Adapters
{
    /// <summary>The crossing between PowerShell's values and the engine's plain ones. Going in, what
    /// a user passes (PSObjects, PSCustomObjects, hashtables, switches, arrays) becomes dictionaries,
    /// lists and simple values; coming out, the engine's dictionaries become PSCustomObjects, as
    /// ConvertFrom-Json would give them.</summary>
    internal static class PowerShellValues
    {
        /// <summary>A user's value as the engine takes it: no PSObject anywhere inside.</summary>
        public static object? ToPlain(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case PSObject wrapped when wrapped.BaseObject is PSCustomObject:
                    var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in wrapped.Properties) properties[property.Name] = ToPlain(property.Value);
                    return properties;
                case PSObject wrapped:
                    return ToPlain(wrapped.BaseObject);
                case SwitchParameter flag:
                    return flag.IsPresent;
                case string _:
                    return value;
                case IDictionary map:
                    var entries = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in map) entries[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = ToPlain(entry.Value);
                    return entries;
                case IEnumerable items:
                    var list = new List<object?>();
                    foreach (var item in items) list.Add(ToPlain(item));
                    return list;
                default:
                    return value;
            }
        }

        /// <summary>A hashtable or an object's properties as a field map (plain values), leaving out
        /// the properties named in <paramref name="skip"/> (the record's own bookkeeping).</summary>
        public static IDictionary<string, object?> FieldsOf(object? input, ICollection<string> skip)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var value = input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : input;
            if (value is IDictionary map)
            {
                foreach (DictionaryEntry entry in map) result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = ToPlain(entry.Value);
            }
            else if (value != null)
            {
                foreach (var property in PSObject.AsPSObject(value).Properties)
                {
                    if (!skip.Contains(property.Name)) result[property.Name] = ToPlain(property.Value);
                }
            }
            return result;
        }

        /// <summary>An engine value as PowerShell shows it: dictionaries become PSCustomObjects.</summary>
        public static object? FromPlain(object? value)
        {
            switch (value)
            {
                case IDictionary<string, object?> map:
                    var result = new PSObject();
                    foreach (var pair in map) result.Properties.Add(new PSNoteProperty(pair.Key, FromPlain(pair.Value)));
                    return result;
                case object?[] items:
                    var converted = new object?[items.Length];
                    for (var i = 0; i < items.Length; i++) converted[i] = FromPlain(items[i]);
                    return converted;
                default:
                    return value;
            }
        }
    }
}
