using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsvHelper;
using JiraConnector.Json;
using JiraConnector.Bulk.Download;
using JiraConnector.Bulk.Upload;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Journal
{
    /// <summary>Writes a job's failed records to a file that can be fixed and uploaded again: the
    /// record's own columns followed by _row, _status and _error (columns starting with "_" are
    /// skipped by uploads). CSV gets the formula guard; .jsonl writes one object a line.</summary>
    internal static class ErrorFileWriter
    {
        public static long Write(string journalPath, string outFile, bool csv, char delimiter)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outFile));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using var stream = new FileStream(outFile, FileMode.Create, FileAccess.Write, FileShare.Read);
            using var text = new StreamWriter(stream, new UTF8Encoding(false));
            return csv ? WriteCsv(journalPath, text, delimiter) : WriteJsonLines(journalPath, text);
        }

        private static long WriteCsv(string journalPath, TextWriter text, char delimiter)
        {
            // Two passes over the journal: the columns first (their union, in order of appearance).
            var columns = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in ErrorLines(journalPath))
            {
                using (line)
                {
                    if (!(JsonRead.Child(line.RootElement, "record") is JsonElement record) || record.ValueKind != JsonValueKind.Object) continue;
                    foreach (var property in record.EnumerateObject())
                    {
                        if (!ColumnPath.IsIgnored(property.Name) && seen.Add(property.Name)) columns.Add(property.Name);
                    }
                }
            }
            using var writer = CsvWriter.Create(text, CsvOptions.Writer(delimiter), true);
            foreach (var column in columns.Concat(new[] { "_row", "_status", "_error" })) writer.WriteField(column);
            writer.EndRecord();
            long count = 0;
            foreach (var line in ErrorLines(journalPath))
            {
                using (line)
                {
                    var root = line.RootElement;
                    var record = JsonRead.Child(root, "record");
                    foreach (var column in columns)
                    {
                        var value = record is JsonElement r && r.ValueKind == JsonValueKind.Object ? JsonRead.Child(r, column) : null;
                        writer.WriteField(CsvCells.Escape(value == null ? string.Empty : DownloadColumn.Text(value.Value, new string[0], cloud: true)));
                    }
                    writer.WriteField(JsonRead.Int64(root, "row")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    writer.WriteField(JsonRead.Int64(root, "status")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    writer.WriteField(CsvCells.Escape(JsonRead.String(root, "message") ?? string.Empty));
                    writer.EndRecord();
                    count++;
                }
            }
            writer.Flush();
            return count;
        }

        private static long WriteJsonLines(string journalPath, TextWriter text)
        {
            long count = 0;
            foreach (var line in ErrorLines(journalPath))
            {
                using (line)
                {
                    var root = line.RootElement;
                    using var buffer = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        writer.WriteStartObject();
                        if (JsonRead.Child(root, "record") is JsonElement record && record.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var property in record.EnumerateObject())
                            {
                                if (!ColumnPath.IsIgnored(property.Name)) property.WriteTo(writer);
                            }
                        }
                        writer.WriteNumber("_row", JsonRead.Int64(root, "row") ?? 0);
                        if (JsonRead.Int64(root, "status") is long status) writer.WriteNumber("_status", status);
                        writer.WriteString("_error", JsonRead.String(root, "message") ?? string.Empty);
                        writer.WriteEndObject();
                    }
                    text.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
                    count++;
                }
            }
            return count;
        }

        private static IEnumerable<JsonDocument> ErrorLines(string journalPath) =>
            JournalLines.Read(journalPath, text => text.IndexOf("\"e\":\"err\"", StringComparison.Ordinal) >= 0);
    }
}
