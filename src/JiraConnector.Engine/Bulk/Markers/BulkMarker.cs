using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Internal;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Markers
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

        /// <summary>Which of these rows already exist in Jira, with their keys and ids. JQL on the
        /// property finds them directly where an app indexes it; a site that refuses that JQL (400,
        /// "the field does not exist") is asked once per run, then scanned (MarkerScan) from
        /// sentSince, when the rows were first sent (null: sent by an earlier process, so the scan
        /// starts at the job's start).</summary>
        public static async Task<Dictionary<long, (string Key, string Id)>> FindAsync(BulkContext context, IReadOnlyCollection<long> rows, DateTimeOffset? sentSince = null)
        {
            if (!context.MarkerJqlRefused)
            {
                try
                {
                    return await FindByJqlAsync(context, rows).ConfigureAwait(false);
                }
                catch (JiraApiException ex) when (ex.StatusCode == 400)
                {
                    context.MarkerJqlRefused = true;
                }
            }
            return await MarkerScan.FindAsync(context, rows, sentSince ?? context.StartedAt).ConfigureAwait(false);
        }

        private static async Task<Dictionary<long, (string Key, string Id)>> FindByJqlAsync(BulkContext context, IReadOnlyCollection<long> rows)
        {
            var found = new Dictionary<long, (string Key, string Id)>();
            foreach (var chunk in rows.Select((row, index) => (row, index)).GroupBy(p => p.index / RowsPerQuery, p => p.row))
            {
                var wanted = new HashSet<long>(chunk);
                var some = await SearchAsync(context, Jql(context.JobId, wanted), wanted).ConfigureAwait(false);
                foreach (var pair in some) found[pair.Key] = pair.Value;
            }
            return found;
        }

        /// <summary>The wanted rows among the incidents a JQL query finds, read page by page. The
        /// search returns each issue's marker (properties parameter) where Jira supports it (Cloud);
        /// an issue that comes back without its properties (Data Center 8.4.3's search has no such
        /// parameter) is read on its own.</summary>
        public static async Task<Dictionary<long, (string Key, string Id)>> SearchAsync(BulkContext context, string jql, ISet<long> wanted)
        {
            var options = new ReadOptions { Jql = jql, Fields = new[] { "key" }, Properties = new[] { PropertyKey }, PageSize = 100 };
            var style = ResourceCatalog.Get("incidents").Paging(context.Instance, options);
            var reader = new PagedReader(context.Instance.Client, null);
            var found = new Dictionary<long, (string Key, string Id)>();
            var unread = new List<string>();
            await context.Gate.WaitAsync(context.Cancellation).ConfigureAwait(false);
            await foreach (var item in reader.ReadAsync(PageCursor.Start(style), context.Cancellation).ConfigureAwait(false))
            {
                if (!(JsonRead.String(item, "key") is string key)) continue;
                if (JsonRead.Child(item, "properties") is JsonElement properties) Take(context, item, key, properties, wanted, found);
                else unread.Add(key);
            }
            foreach (var key in unread)
            {
                using var issue = await BulkHttp.SendAsync(context, Rest.Get(context.Instance, "issue/" + Rest.Segment(key),
                    new QueryString().Add("fields", "key").Add("properties", PropertyKey))).ConfigureAwait(false);
                if (issue != null && JsonRead.Child(issue.RootElement, "properties") is JsonElement properties) Take(context, issue.RootElement, key, properties, wanted, found);
            }
            return found;
        }

        /// <summary>Records the issue if its marker is this job's mark of a wanted row.</summary>
        private static void Take(BulkContext context, JsonElement issue, string key, JsonElement properties, ISet<long> wanted,
            Dictionary<long, (string Key, string Id)> found)
        {
            if (properties.ValueKind != JsonValueKind.Object || !(JsonRead.Child(properties, PropertyKey) is JsonElement value)) return;
            if (value.ValueKind != JsonValueKind.Object || JsonRead.String(value, "job") != context.JobId) return;
            if (!value.TryGetProperty("row", out var row) || row.ValueKind != JsonValueKind.Number || !row.TryGetInt64(out var number)) return;
            if (wanted.Contains(number)) found[number] = (key, JsonRead.String(issue, "id") ?? string.Empty);
        }
    }
}
