using System.Collections.Specialized;

namespace JiraConnector.Bulk
{
    /// <summary>One record that failed: where it was in the file, what it held, and why. Written by
    /// Get-JiraBulkJobError, straight from the job's journal.</summary>
    public sealed class BulkRowError
    {
        internal BulkRowError(string jobId, long row, int? status, string message, OrderedDictionary record)
        {
            JobId = jobId;
            Row = row;
            Status = status;
            Message = message;
            Record = record;
        }

        public string JobId { get; }

        /// <summary>The record's number in the file: 1 for the first record after the header.</summary>
        public long Row { get; }

        /// <summary>Jira's HTTP status, or null when the record never reached Jira (bad CSV, unknown field).</summary>
        public int? Status { get; }

        /// <summary>Jira's message, or what is wrong with the record.</summary>
        public string Message { get; }

        /// <summary>The record's columns as read from the file.</summary>
        public OrderedDictionary Record { get; }

        public override string ToString() => $"row {Row}: {Message}";
    }
}
