using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Internal;
using JiraConnector.Paging;
using JiraConnector.Resources;

namespace JiraConnector.Bulk
{
    /// <summary>The mark every incident created by a job carries: the issue property
    /// jiraconnector.bulk = {"job": id, "row": n}, set in the create request itself (so an issue
    /// never exists without it). After an answer that was lost (a 500, a broken connection, a killed
    /// process) JQL on the property tells which rows exist, so none is created twice.</summary>
    internal static class BulkMarker
    {
        public const string PropertyKey = "jiraconnector.bulk";
        private const int RowsPerQuery = 100;

        [MethodImpl(JitHints.PerRow)]
        public static void WriteProperties(Utf8JsonWriter writer, string jobId, long row)
        {
            writer.WriteStartArray("properties");
            writer.WriteStartObject();
            writer.WriteString("key", PropertyKey);
            writer.WriteStartObject("value");
            writer.WriteString("job", jobId);
            writer.WriteNumber("row", row);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        /// <summary>Whether a marker's value is this job's mark of this row.</summary>
        public static bool IsMarkOf(JsonElement value, string jobId, long row) =>
            value.ValueKind == JsonValueKind.Object && JsonRead.String(value, "job") == jobId && JsonRead.Int64(value, "row") == row;

        /// <summary>JQL for the incidents a job created (optionally only some of its rows).</summary>
        public static string Jql(string jobId, IEnumerable<long>? rows = null)
        {
            var jql = $"issue.property[{PropertyKey}].job = \"{jobId}\"";
            if (rows != null) jql += $" AND issue.property[{PropertyKey}].row IN ({string.Join(", ", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)))})";
            return jql;
        }

        /// <summary>Which of these rows already exist in Jira, with their keys and ids.</summary>
        public static async Task<Dictionary<long, (string Key, string Id)>> FindAsync(BulkContext context, IReadOnlyCollection<long> rows)
        {
            var found = new Dictionary<long, (string Key, string Id)>();
            foreach (var chunk in rows.Select((row, index) => (row, index)).GroupBy(p => p.index / RowsPerQuery, p => p.row))
            {
                var keys = await BulkHttp.RetryAsync(context, () => KeysAsync(context, Jql(context.JobId, chunk))).ConfigureAwait(false);
                // The search gives keys, not rows: each found issue's marker says which row it is.
                foreach (var key in keys)
                {
                    using var issue = await BulkHttp.SendSafeAsync(context, Rest.Get(context.Instance, "issue/" + Rest.Segment(key),
                        new QueryString().Add("fields", "key").Add("properties", PropertyKey))).ConfigureAwait(false);
                    if (issue == null) continue;
                    var marker = JsonRead.Child(issue.RootElement, "properties") is JsonElement properties ? JsonRead.Child(properties, PropertyKey) : null;
                    if (marker is JsonElement value && JsonRead.String(value, "job") == context.JobId &&
                        value.TryGetProperty("row", out var row) && row.ValueKind == JsonValueKind.Number)
                    {
                        found[row.GetInt64()] = (key, JsonRead.String(issue.RootElement, "id") ?? string.Empty);
                    }
                }
            }
            return found;
        }

        /// <summary>Keys of the incidents a JQL query finds, read page by page.</summary>
        public static async Task<List<string>> KeysAsync(BulkContext context, string jql)
        {
            var options = new ReadOptions { Jql = jql, Fields = new[] { "key" }, PageSize = 100 };
            var style = ResourceCatalog.Get("incidents").Paging(context.Instance, options);
            var reader = new PagedReader(context.Instance.Client, null);
            var keys = new List<string>();
            await context.Gate.WaitAsync(context.Cancellation).ConfigureAwait(false);
            await foreach (var item in reader.ReadAsync(PageCursor.Start(style), context.Cancellation).ConfigureAwait(false))
            {
                if (JsonRead.String(item, "key") is string key) keys.Add(key);
            }
            return keys;
        }
    }
}
