using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>Finds the incidents that a batch of identifier values names, with one JQL search per
    /// batch: "IN" for fields Jira matches exactly, "~" for text fields (Jira has no exact text
    /// match), and every hit checked against the exact value before it counts.</summary>
    internal static class IdentifierLookup
    {
        public static async Task<Dictionary<string, List<string>>> FindAsync(BulkContext context, Field field, IReadOnlyCollection<string> values)
        {
            var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (values.Count == 0) return found;
            var clause = field.Custom ? $"cf[{field.Id.Substring(field.Id.LastIndexOf('_') + 1)}]" : field.Id;
            var jql = field.Type == "string"
                ? string.Join(" OR ", values.Select(v => $"{clause} ~ {Quote(v)}"))
                : $"{clause} IN ({string.Join(", ", values.Select(Quote))})";
            var wanted = new HashSet<string>(values, StringComparer.Ordinal);
            var options = new ReadOptions { Jql = jql, Fields = new[] { "key", field.Id }, PageSize = 100 };
            var style = ResourceCatalog.Get("incidents").Paging(context.Instance, options);
            var reader = new PagedReader(context.Instance.Client, null);
            await foreach (var item in reader.ReadAsync(PageCursor.Start(style), context.Cancellation).ConfigureAwait(false))
            {
                var fields = JsonRead.Child(item, "fields");
                var value = fields == null ? null : CustomFieldValues.Plain(JsonRead.Child(fields.Value, field.Id));
                var text = value is object[] many ? many.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
                    : new[] { Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
                foreach (var candidate in text)
                {
                    if (candidate == null || !wanted.Contains(candidate)) continue;
                    if (!found.TryGetValue(candidate, out var keys)) found[candidate] = keys = new List<string>();
                    keys.Add(JsonRead.String(item, "key")!);
                }
            }
            return found;
        }

        /// <summary>A JQL string literal: double quotes, with quote and backslash escaped.</summary>
        public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
