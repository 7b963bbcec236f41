using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Security;
using System.Text.Json;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>Reads the connector's configuration from a hashtable or a JSON file into flat
    /// key/value text. Both accept the bare map or the connector's instance body
    /// <c>{"element":{"key":"jira"},"configuration":{...},"tags":[...],"name":"..."}</c>.</summary>
    internal sealed class ConfigurationSource
    {
        private const string Wrapper = "configuration";
        private static readonly string[] WrapperKeys = { Wrapper, "element", "tags", "name" };

        private ConfigurationSource(IReadOnlyDictionary<string, string> values, string? name)
        {
            Values = values;
            Name = name;
        }

        /// <summary>Key to value, keys compared case-insensitively; empty values are dropped, as the
        /// connector's samples use "" for "not set".</summary>
        public IReadOnlyDictionary<string, string> Values { get; }

        /// <summary>The instance body's "name", a default for -Name.</summary>
        public string? Name { get; }

        /// <summary>A hashtable whose values are plain (the module unwraps PowerShell's objects first).</summary>
        public static ConfigurationSource FromHashtable(IDictionary table)
        {
            if (TryGet(table, Wrapper, out var inner))
            {
                if (!(inner is IDictionary map))
                {
                    throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, Wrapper, "The 'configuration' entry must be a hashtable of configuration keys.");
                }
                CheckWrapperKeys(table.Keys);
                TryGet(table, "name", out var name);
                return new ConfigurationSource(FlattenTable(map), name?.ToString());
            }
            return new ConfigurationSource(FlattenTable(table), null);
        }

        public static ConfigurationSource FromFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationFile, path, $"Cannot read the configuration file '{path}': {ex.Message}", ex);
            }
            return FromJson(text, path);
        }

        public static ConfigurationSource FromJson(string text, string origin)
        {
            using var document = ParseJson(text, origin);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationFile, origin, $"The configuration in '{origin}' must be a JSON object of configuration keys.");
            }
            if (root.TryGetProperty(Wrapper, out var inner))
            {
                var keys = new List<string>();
                foreach (var property in root.EnumerateObject()) keys.Add(property.Name);
                CheckWrapperKeys(keys);
                if (inner.ValueKind != JsonValueKind.Object)
                {
                    throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, Wrapper, "The 'configuration' entry must be a JSON object of configuration keys.");
                }
                CheckElement(root);
                var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                return new ConfigurationSource(FlattenJson(inner), name);
            }
            return new ConfigurationSource(FlattenJson(root), null);
        }

        private static JsonDocument ParseJson(string text, string origin)
        {
            var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
            try
            {
                return JsonDocument.Parse(text, options);
            }
            catch (JsonException first)
            {
                // The connector's docs print the body as a fragment, "configuration": { ... with the
                // outer braces (and the closing one) cut off; a copy of it should work as written.
                if (text.TrimStart().StartsWith("\"" + Wrapper + "\"", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var closing in new[] { "}", "}}" })
                    {
                        try
                        {
                            return JsonDocument.Parse("{" + text + closing, options);
                        }
                        catch (JsonException)
                        {
                            // Try the next repair; in the end report the error against the text as written.
                        }
                    }
                }
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationFile, origin,
                    $"The configuration in '{origin}' is not valid JSON (line {first.LineNumber + 1}, byte {first.BytePositionInLine + 1}).", first);
            }
        }

        private static void CheckWrapperKeys(IEnumerable keys)
        {
            foreach (var key in keys)
            {
                var text = key?.ToString() ?? string.Empty;
                if (Array.Exists(WrapperKeys, k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase))) continue;
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationKey, text,
                    $"Unknown entry '{text}' beside 'configuration'. An instance body may hold only {string.Join(", ", WrapperKeys)}.");
            }
        }

        private static void CheckElement(JsonElement root)
        {
            if (!root.TryGetProperty("element", out var element)) return;
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("key", out var key) &&
                key.ValueKind == JsonValueKind.String && !string.Equals(key.GetString(), "jira", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, "element.key",
                    $"This configuration is for the '{key.GetString()}' connector, not 'jira'.");
            }
        }

        private static IReadOnlyDictionary<string, string> FlattenTable(IDictionary table)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                var key = entry.Key?.ToString() ?? string.Empty;
                Add(values, key, TextOf(key, entry.Value));
            }
            return values;
        }

        private static IReadOnlyDictionary<string, string> FlattenJson(JsonElement map)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in map.EnumerateObject())
            {
                string? text;
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String: text = property.Value.GetString(); break;
                    case JsonValueKind.True: text = "true"; break;
                    case JsonValueKind.False: text = "false"; break;
                    case JsonValueKind.Number: text = property.Value.GetRawText(); break;
                    case JsonValueKind.Null: text = null; break;
                    default:
                        throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, property.Name,
                            $"The configuration key '{property.Name}' must have a text, number or true/false value.");
                }
                Add(values, property.Name, text);
            }
            return values;
        }

        private static void Add(Dictionary<string, string> values, string key, string? text)
        {
            if (values.ContainsKey(key))
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.ConflictingConfigurationKeys, key, $"The configuration key '{key}' is given twice.");
            }
            if (!string.IsNullOrEmpty(text)) values[key] = text!;
        }

        private static string? TextOf(string key, object? value)
        {
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case SecureString secure: return new NetworkCredential(string.Empty, secure).Password;
                case bool flag: return flag ? "true" : "false";
                case Uri uri: return uri.OriginalString;
                case IConvertible number when !(value is char): return number.ToString(CultureInfo.InvariantCulture);
                default:
                    throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, key,
                        $"The configuration key '{key}' must have a text, number, SecureString or true/false value, not {value.GetType().Name}.");
            }
        }

        private static bool TryGet(IDictionary table, string key, out object? value)
        {
            foreach (DictionaryEntry entry in table)
            {
                if (string.Equals(entry.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase))
                {
                    value = entry.Value;
                    return true;
                }
            }
            value = null;
            return false;
        }
    }
}
