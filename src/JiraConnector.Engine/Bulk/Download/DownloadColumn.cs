using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Upload;

namespace JiraConnector.Bulk.Download
{
    /// <summary>One column of a CSV download: the header (the same text an upload accepts), the
    /// Jira field and the path into its value. Values become the text an upload reads back: names
    /// for named things, keys for projects, account ids (Cloud) or names (Data Center) for users,
    /// plain text for rich text, ';' between the values of a list.</summary>
    internal sealed class DownloadColumn
    {
        public static readonly string[] DefaultIncidentColumns =
        {
            "key", "project.key", "issuetype.name", "status.name", "priority.name", "summary", "description", "labels", "assignee", "reporter", "created", "updated",
        };

        private DownloadColumn(string header, string? fieldId, IReadOnlyList<string> path)
        {
            Header = header;
            FieldId = fieldId;
            Path = path;
        }

        public string Header { get; }

        /// <summary>The Jira field id; null for the issue's own key and id.</summary>
        public string? FieldId { get; }

        public IReadOnlyList<string> Path { get; }

        public static DownloadColumn Resolve(string header, FieldCatalog catalog)
        {
            var text = header.Trim();
            if (IncidentRecordMapper.IsKeyOrId(text)) return new DownloadColumn(text, null, new[] { text.ToLowerInvariant() == "id" ? "id" : "key" });
            try
            {
                return new DownloadColumn(text, catalog.Resolve(text).Id, new string[0]);
            }
            catch (ArgumentException) when (text.IndexOf('.') > 0)
            {
                var dot = text.IndexOf('.');
                return new DownloadColumn(text, catalog.Resolve(text.Substring(0, dot)).Id, text.Substring(dot + 1).Split('.'));
            }
        }

        public string ValueOf(JsonElement issue, bool cloud)
        {
            if (FieldId == null) return JsonRead.String(issue, Path[0]) ?? string.Empty;
            var fields = JsonRead.Child(issue, "fields");
            var value = fields == null ? null : JsonRead.Child(fields.Value, FieldId);
            return value == null ? string.Empty : Text(value.Value, Path, cloud);
        }

        /// <summary>Any JSON value as the cell text an upload maps back to the same value.</summary>
        public static string Text(JsonElement value, IReadOnlyList<string> path, bool cloud)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Array:
                    return string.Join(ColumnPath.MultiValueSeparator.ToString(), value.EnumerateArray().Select(item => Text(item, path, cloud)).Where(t => t.Length > 0));
                case JsonValueKind.Object:
                    if (path.Count > 0)
                    {
                        var inner = JsonRead.Child(value, path[0]);
                        return inner == null ? string.Empty : Text(inner.Value, path.Skip(1).ToList(), cloud);
                    }
                    if (JsonRead.String(value, "type") == "doc") return AdfText.ToPlainText(value) ?? string.Empty;
                    // Users by what an upload takes for them: the account id on Cloud, the name on Data Center.
                    if (JsonRead.String(value, "displayName") != null)
                    {
                        return (cloud ? JsonRead.String(value, "accountId") : JsonRead.String(value, "name")) ?? JsonRead.String(value, "displayName")!;
                    }
                    return JsonRead.String(value, "key") ?? JsonRead.String(value, "value") ?? JsonRead.String(value, "name")
                        ?? JsonRead.String(value, "id") ?? value.GetRawText();
                case JsonValueKind.String:
                    return value.GetString() ?? string.Empty;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return string.Empty;
                default:
                    return value.GetRawText();
            }
        }
    }
}
