using System.Collections.Generic;
using System.Text.Json;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>One record of the source file: its number (1 for the first record after a CSV
    /// header), its cells (CSV) or JSON object, and what is wrong with it if it could not be read
    /// cleanly (wrong column count, broken quoting, invalid JSON).</summary>
    internal sealed class SourceRecord
    {
        private SourceRecord(long row, IReadOnlyList<string>? headers, string[]? cells, JsonElement? json, string? raw, string? problem)
        {
            Row = row;
            Headers = headers;
            Cells = cells;
            Json = json;
            Raw = raw;
            Problem = problem;
        }

        public long Row { get; }
        public IReadOnlyList<string>? Headers { get; }
        public string[]? Cells { get; }
        public JsonElement? Json { get; }
        public string? Raw { get; }
        public string? Problem { get; }

        /// <summary>Set on resume for rows that were sent before the process died: their marker is
        /// looked up before they are sent again.</summary>
        public bool MaybeSent { get; set; }

        public static SourceRecord FromCells(long row, IReadOnlyList<string> headers, string[] cells, string? problem) =>
            new SourceRecord(row, headers, cells, null, null, problem);

        public static SourceRecord FromJson(long row, JsonElement json) => new SourceRecord(row, null, null, json, null, null);

        public static SourceRecord Broken(long row, string raw, string problem) => new SourceRecord(row, null, null, null, raw, problem);

        /// <summary>The cells by header (CSV) or the properties (JSON), as the file had them.</summary>
        public IEnumerable<KeyValuePair<string, string>> Columns()
        {
            if (Cells == null || Headers == null) yield break;
            for (var i = 0; i < Cells.Length; i++)
            {
                yield return new KeyValuePair<string, string>(i < Headers.Count ? Headers[i] : "_column" + (i + 1), Cells[i]);
            }
        }

        /// <summary>The record as the error journal keeps it: an object of its columns, so that a
        /// fixed copy can be uploaded again.</summary>
        public void WriteTo(Utf8JsonWriter writer)
        {
            if (Json is JsonElement json)
            {
                json.WriteTo(writer);
                return;
            }
            writer.WriteStartObject();
            if (Cells != null)
            {
                foreach (var column in Columns()) writer.WriteString(column.Key, column.Value);
            }
            else if (Raw != null)
            {
                writer.WriteString("_raw", Raw);
            }
            writer.WriteEndObject();
        }
    }
}
