using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using JiraConnector.Json;

namespace JiraConnector.Bulk.Journal
{
    /// <summary>A journal read back: which rows are done (created, changed or failed), which were
    /// sent without an answer (in flight when the process died), the counts and how the job ended.
    /// A torn last line makes it <see cref="Damaged"/>; a line damaged anywhere else is an error (<see cref="JournalLines"/>).</summary>
    internal sealed class JournalReplay
    {
        public RowSet Done { get; } = new RowSet();
        public RowSet Sent { get; } = new RowSet();
        public long Succeeded { get; private set; }
        public long Failed { get; private set; }
        public long? RecordsCount { get; private set; }
        public BulkJobStatus? EndStatus { get; private set; }
        public string? EndMessage { get; private set; }
        public DateTimeOffset? StartTime { get; private set; }
        public DateTimeOffset? EndTime { get; private set; }

        /// <summary>The journal ended torn (a process died mid-write, or the file was cut short):
        /// which rows reached Jira is no longer known.</summary>
        public bool Damaged { get; private set; }

        /// <summary>Whether a row not done may have reached Jira: sent without an answer, or any
        /// row at all when the journal was torn.</summary>
        public bool MaybeSent(long row) => Damaged || Sent.Contains(row);

        /// <summary>Rows sent to Jira whose answer never made it into the journal.</summary>
        public IEnumerable<long> InFlight => Sent.Items().Where(row => !Done.Contains(row));

        /// <summary>When the earliest of the in-flight rows was sent; null when no row is in flight
        /// or a journal line says no time (journals written before lines carried one).</summary>
        public DateTimeOffset? InFlightSince
        {
            get
            {
                foreach (var (at, rows) in _sentLines)
                {
                    if (rows.Any(row => !Done.Contains(row))) return at;
                }
                return null;
            }
        }

        private readonly List<(DateTimeOffset? At, long[] Rows)> _sentLines = new List<(DateTimeOffset? At, long[] Rows)>();

        public static JournalReplay Read(string path)
        {
            var replay = new JournalReplay();
            if (!File.Exists(path)) return replay;
            foreach (var root in JournalLines.Read(path, tornTail: () => replay.Damaged = true))
            {
                using (root) replay.Apply(root.RootElement);
            }
            return replay;
        }

        /// <summary>The failed rows, streamed from the journal in the order they failed.</summary>
        public static IEnumerable<BulkRowError> Errors(string path, string jobId)
        {
            foreach (var document in Lines(path))
            {
                using (document)
                {
                    var line = document.RootElement;
                    if (JsonRead.String(line, "e") != "err") continue;
                    var row = line.TryGetProperty("row", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : 0;
                    int? status = line.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : (int?)null;
                    var record = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    if (line.TryGetProperty("record", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in fields.EnumerateObject())
                        {
                            record[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : JsonValue.ToPlain(field.Value.Clone());
                        }
                    }
                    yield return new BulkRowError(jobId, row, status, JsonRead.String(line, "message") ?? string.Empty, record);
                }
            }
        }

        private void Apply(JsonElement line)
        {
            switch (JsonRead.String(line, "e"))
            {
                case "start":
                    StartTime ??= Time(line);
                    EndStatus = null;
                    EndTime = null;
                    EndMessage = null;
                    break;
                case "torn":
                    Damaged = true;
                    break;
                case "count":
                    if (line.TryGetProperty("records", out var count) && count.ValueKind == JsonValueKind.Number) RecordsCount = count.GetInt64();
                    break;
                case "sent":
                    if (line.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array)
                    {
                        var sent = rows.EnumerateArray().Select(row => row.GetInt64()).ToArray();
                        foreach (var row in sent) Sent.Add(row);
                        _sentLines.Add((Time(line), sent));
                    }
                    break;
                case "ok":
                    if (Done.Add(Row(line))) Succeeded++;
                    break;
                case "err":
                    if (Done.Add(Row(line))) Failed++;
                    break;
                case "end":
                    EndStatus = Enum.TryParse<BulkJobStatus>(JsonRead.String(line, "status"), out var status) ? status : BulkJobStatus.ABORTED;
                    EndTime = Time(line);
                    EndMessage = JsonRead.String(line, "message");
                    break;
            }
        }

        private static long Row(JsonElement line) =>
            line.TryGetProperty("row", out var row) && row.ValueKind == JsonValueKind.Number ? row.GetInt64() : -1;

        private static DateTimeOffset? Time(JsonElement line) =>
            DateTimeOffset.TryParse(JsonRead.String(line, "at"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : (DateTimeOffset?)null;

        private static IEnumerable<JsonDocument> Lines(string path) => JournalLines.Read(path);
    }
}
