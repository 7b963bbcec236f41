using System.Collections.Generic;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>A record mapped for Jira: the fields to send (by Jira field id for incidents), the
    /// identifier that finds an existing record (update, upsert) and the parent issue (comments,
    /// worklogs).</summary>
    internal sealed class RowWork
    {
        public RowWork(SourceRecord record, IDictionary<string, object?> fields, string? identifier, string? parent)
        {
            Record = record;
            Fields = fields;
            Identifier = identifier;
            Parent = parent;
        }

        public SourceRecord Record { get; }
        public long Row => Record.Row;
        public IDictionary<string, object?> Fields { get; }
        public string? Identifier { get; }
        public string? Parent { get; }

        /// <summary>The request body, built once the row is mapped (it is sent again on a retry).</summary>
        public string? Body { get; set; }

        /// <summary>A create's issueUpdates element as UTF-8 JSON, marker included.</summary>
        public byte[]? Element { get; set; }
    }
}
