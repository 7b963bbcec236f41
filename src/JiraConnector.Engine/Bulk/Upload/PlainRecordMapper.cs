using System;
using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Json;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>Maps records of projects, comments and worklogs: columns are the JSON names Jira
    /// takes (body, timeSpent, started, key, name, projectTypeKey, leadAccountId...), dotted paths
    /// nest. For comments and worklogs the "issue" column names the incident they belong to.</summary>
    internal sealed class PlainRecordMapper : IRecordMapper
    {
        private static readonly string[] ParentColumns = { "issue", "issueKey", "incident" };
        private readonly string _identifier;
        private readonly bool _needsParent;

        public PlainRecordMapper(string identifierField, bool needsParent)
        {
            _identifier = identifierField;
            _needsParent = needsParent;
        }

        public RowWork Map(SourceRecord record)
        {
            if (record.Problem != null) throw new ArgumentException(record.Problem);
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            string? identifier = null;
            string? parent = null;
            void Add(string name, object? value)
            {
                if (ColumnPath.IsIgnored(name) || value == null || (value is string text && text.Length == 0)) return;
                if (_needsParent && Array.Exists(ParentColumns, p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase)))
                {
                    parent = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    return;
                }
                if (string.Equals(name, _identifier, StringComparison.OrdinalIgnoreCase))
                {
                    identifier = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    // A project's key is both its identifier and a field to create it with.
                    if (_needsParent) return;
                }
                var path = name.Split('.');
                object? nested = value;
                for (var i = path.Length - 1; i >= 1; i--) nested = new Dictionary<string, object?>(StringComparer.Ordinal) { [path[i]] = nested };
                ColumnPath.Put(fields, path[0], nested);
            }

            if (record.Json is JsonElement json)
            {
                foreach (var property in json.EnumerateObject()) Add(property.Name, JsonValue.ToPlain(property.Value));
            }
            else
            {
                foreach (var column in record.Columns()) Add(column.Key, column.Value);
            }
            if (_needsParent && string.IsNullOrWhiteSpace(parent))
            {
                throw new ArgumentException("The record names no incident: fill the 'issue' column with the incident's key.");
            }
            return new RowWork(record, fields, string.IsNullOrWhiteSpace(identifier) ? null : identifier!.Trim(), parent?.Trim());
        }
    }
}
