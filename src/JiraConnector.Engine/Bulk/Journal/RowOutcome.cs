using JiraConnector.Bulk.Sources;
namespace JiraConnector.Bulk.Journal
{
    /// <summary>What became of one record: created or changed (with the key Jira gave it), or failed
    /// (with Jira's status and message).</summary>
    internal sealed class RowOutcome
    {
        private RowOutcome(SourceRecord record, bool ok, string? key, string? id, int? status, string? message)
        {
            Record = record;
            Ok = ok;
            Key = key;
            Id = id;
            Status = status;
            Message = message;
        }

        public SourceRecord Record { get; }
        public long Row => Record.Row;
        public bool Ok { get; }
        public string? Key { get; }
        public string? Id { get; }
        public int? Status { get; }
        public string? Message { get; }

        public static RowOutcome Done(SourceRecord record, string? key, string? id) => new RowOutcome(record, true, key, id, null, null);

        public static RowOutcome Failed(SourceRecord record, int? status, string message) => new RowOutcome(record, false, null, null, status, message);
    }
}
