using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JiraConnector.Connection.OAuth;
using JiraConnector.Internal;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Journal
{
    /// <summary>The job's append-only journal (journal.jsonl, one JSON object a line): rows about to
    /// be sent, rows done (with the key Jira gave them), rows failed (with the record and Jira's
    /// message), the record count and the end. Every batch of lines is flushed to the operating
    /// system before the call returns, so killing the process (even with SIGKILL) loses nothing
    /// that was written; only a power cut could.</summary>
    internal sealed class BulkJournal : IDisposable
    {
        private readonly object _lock = new object();
        private readonly FileStream _stream;
        private readonly MemoryStream _buffer = new MemoryStream();
        private readonly Utf8JsonWriter _writer;

        public BulkJournal(string path)
        {
            JournalLines.DropTornTail(path);
            _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024);
            OwnerOnlyFiles.RestrictFile(path);
            _writer = new Utf8JsonWriter(_buffer);
        }

        public void Started(DateTimeOffset at) => Append(w =>
        {
            w.WriteString("e", "start");
            w.WriteString("at", at.ToString("o"));
        });

        public void Counted(long records) => Append(w =>
        {
            w.WriteString("e", "count");
            w.WriteNumber("records", records);
        });

        /// <summary>Written before rows go to Jira: on resume, these are the rows whose fate is
        /// unknown and must be looked up (by their marker) before they are sent again; the time
        /// tells the lookup how far back to look.</summary>
        public void Sending(IReadOnlyList<SourceRecord> records) => Append(w =>
        {
            w.WriteString("e", "sent");
            w.WriteString("at", DateTimeOffset.UtcNow.ToString("o"));
            w.WriteStartArray("rows");
            foreach (var record in records) w.WriteNumberValue(record.Row);
            w.WriteEndArray();
        });

        [MethodImpl(JitHints.PerRow)]
        public void Finished(IReadOnlyList<RowOutcome> outcomes)
        {
            if (outcomes.Count == 0) return;
            lock (_lock)
            {
                foreach (var outcome in outcomes) WriteLine(w => WriteOutcome(w, outcome));
                Flush();
            }
        }

        public void Ended(BulkJobStatus status, DateTimeOffset at, string? message) => Append(w =>
        {
            w.WriteString("e", "end");
            w.WriteString("status", status.ToString());
            w.WriteString("at", at.ToString("o"));
            if (message != null) w.WriteString("message", message);
        });

        public void Dispose()
        {
            lock (_lock)
            {
                _writer.Dispose();
                _stream.Dispose();
            }
        }

        [MethodImpl(JitHints.PerRow)]
        private static void WriteOutcome(Utf8JsonWriter w, RowOutcome outcome)
        {
            w.WriteString("e", outcome.Ok ? "ok" : "err");
            w.WriteNumber("row", outcome.Row);
            if (outcome.Ok)
            {
                if (outcome.Key != null) w.WriteString("key", outcome.Key);
                if (outcome.Id != null) w.WriteString("id", outcome.Id);
                return;
            }
            if (outcome.Status is int status) w.WriteNumber("status", status);
            w.WriteString("message", outcome.Message ?? string.Empty);
            w.WritePropertyName("record");
            outcome.Record.WriteTo(w);
        }

        private void Append(Action<Utf8JsonWriter> write)
        {
            lock (_lock)
            {
                WriteLine(write);
                Flush();
            }
        }

        [MethodImpl(JitHints.PerRow)]
        private void WriteLine(Action<Utf8JsonWriter> write)
        {
            // One writer, reset for each line (the journal lock serializes them).
            _buffer.SetLength(0);
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            write(_writer);
            _writer.WriteEndObject();
            _writer.Flush();
            _buffer.WriteByte((byte)'\n');
            _stream.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
        }

        // To the OS, not to the disk: a killed process loses nothing, and a sync per batch would
        // cost more than the batch itself.
        private void Flush() => _stream.Flush(flushToDisk: false);
    }
}
