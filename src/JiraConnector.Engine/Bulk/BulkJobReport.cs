using System;
using System.IO;
using System.Text;
using System.Text.Json;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk
{
    /// <summary>A job's status as the connector's status API and callbacks show it: what
    /// Receive-Job returns and what the callback URL receives (as JSON).</summary>
    public sealed class BulkJobReport
    {
        internal BulkJobReport(BulkRun job)
        {
            Id = job.JobId;
            Status = job.Status;
            ObjectName = job.Manifest.ObjectName;
            Action = job.Manifest.Action;
            File = job.Manifest.File;
            RecordsCount = job.RecordsCount;
            RecordsProcessed = job.RecordsProcessed;
            RecordsFailedCount = job.RecordsFailedCount;
            StartTime = job.StartTime;
            EndTime = job.EndTime;
            Message = job.Message;
        }

        public string Id { get; }
        public BulkJobStatus Status { get; }
        public string ObjectName { get; }
        public BulkAction Action { get; }
        public string File { get; }
        public long RecordsCount { get; }
        public long RecordsProcessed { get; }
        public long RecordsFailedCount { get; }
        public DateTimeOffset? StartTime { get; }
        public DateTimeOffset? EndTime { get; }
        public string? Message { get; }

        /// <summary>The callback body: the connector's names (id, status, recordsCount...).</summary>
        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("id", Id);
                writer.WriteString("status", Status.ToString());
                writer.WriteString("objectName", ObjectName);
                writer.WriteString("action", Action.ToString().ToLowerInvariant());
                writer.WriteString("fileName", Path.GetFileName(File));
                writer.WriteNumber("recordsCount", RecordsCount);
                writer.WriteNumber("recordsProcessed", RecordsProcessed);
                writer.WriteNumber("recordsFailedCount", RecordsFailedCount);
                if (StartTime is DateTimeOffset start) writer.WriteString("startTime", start.ToUniversalTime().ToString("o"));
                if (EndTime is DateTimeOffset end) writer.WriteString("endTime", end.ToUniversalTime().ToString("o"));
                if (Message != null) writer.WriteString("message", Message);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>The status as a job's views and Get-Job say it: COMPLETED, or COMPLETED (4 of 7
        /// failed) when rows failed, so a finished job with failures never reads as a clean one.</summary>
        public string StatusLine => Line(Status, RecordsCount, RecordsFailedCount);

        internal static string Line(BulkJobStatus status, long records, long failed) =>
            failed == 0 ? status.ToString() : $"{status} ({failed} of {records} failed)";

        public override string ToString() => $"{Id} {StatusLine}: {RecordsProcessed}/{RecordsCount} processed";
    }
}
