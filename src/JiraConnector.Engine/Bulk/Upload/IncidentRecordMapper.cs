using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JiraConnector.Internal;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>Maps records to incident fields. Columns are Jira field ids or display names, with
    /// dotted paths into the value (project.key, issuetype.name, components.name) and ';' between
    /// the values of multi-value fields (labels). key and id identify an incident and are never sent
    /// as fields. JSON records may be flat ({"summary":...}) or Jira-shaped ({"key":..,"fields":{..}}).
    /// Each header is resolved once: an unknown column fails only the rows that fill it.</summary>
    internal sealed class IncidentRecordMapper : IRecordMapper
    {
        private readonly FieldCatalog _catalog;
        private readonly string _identifier;
        private readonly Field? _identifierField;
        private readonly Dictionary<string, MappedColumn> _columns = new Dictionary<string, MappedColumn>(StringComparer.OrdinalIgnoreCase);
        private IReadOnlyList<string>? _headers;
        private MappedColumn[]? _headerColumns;

        public IncidentRecordMapper(FieldCatalog catalog, string identifierField)
        {
            _catalog = catalog;
            _identifier = identifierField;
            if (!IsKeyOrId(identifierField)) _identifierField = catalog.Resolve(identifierField);
        }

        [MethodImpl(JitHints.PerRow)]
        public RowWork Map(SourceRecord record)
        {
            if (record.Problem != null) throw new ArgumentException(record.Problem);
            var fields = new Dictionary<string, object?>(record.Cells?.Length ?? 0, StringComparer.OrdinalIgnoreCase);
            string? identifier = null;
            if (record.Json is JsonElement json)
            {
                var jiraShaped = json.TryGetProperty("fields", out var nested) && nested.ValueKind == JsonValueKind.Object;
                foreach (var property in (jiraShaped ? nested : json).EnumerateObject()) Add(fields, property.Name, property.Value, ref identifier);
                if (jiraShaped)
                {
                    // {"key":"OPS-1","fields":{...}}, as Jira answers and a JSONL download writes.
                    foreach (var top in json.EnumerateObject())
                    {
                        if (top.Name != "fields" && IsIdentifierHeader(top.Name) && top.Value.ValueKind == JsonValueKind.String) identifier ??= top.Value.GetString();
                    }
                }
            }
            else if (record.Cells != null && record.Headers != null)
            {
                var columns = ColumnsFor(record.Headers);
                for (var i = 0; i < record.Cells.Length && i < columns.Count; i++)
                {
                    if (record.Cells[i].Length > 0) AddText(fields, columns[i], record.Cells[i], ref identifier);
                }
            }
            return new RowWork(record, fields, string.IsNullOrWhiteSpace(identifier) ? null : identifier!.Trim(), null);
        }

        /// <summary>The columns of a CSV header row. Every record of a file shares its header
        /// array, so they are resolved once.</summary>
        public IReadOnlyList<MappedColumn> ColumnsFor(IReadOnlyList<string> headers)
        {
            if (!ReferenceEquals(headers, _headers))
            {
                _headerColumns = headers.Select(ColumnFor).ToArray();
                _headers = headers;
            }
            return _headerColumns!;
        }

        private void AddText(IDictionary<string, object?> fields, string header, string cell, ref string? identifier) =>
            AddText(fields, ColumnFor(header), cell, ref identifier);

        [MethodImpl(JitHints.PerRow)]
        private void AddText(IDictionary<string, object?> fields, MappedColumn column, string cell, ref string? identifier)
        {
            if (column.Ignored) return;
            if (column.IsIdentifier) identifier = cell;
            if (column.IdentifierOnly) return;
            if (column.Error != null) throw new ArgumentException(column.Error);
            ColumnPath.Put(fields, column.Field!.Id, ColumnPath.Value(cell, column.Path, column.Field.Type == "array"));
        }

        private void Add(IDictionary<string, object?> fields, string name, JsonElement value, ref string? identifier)
        {
            if (value.ValueKind == JsonValueKind.Null) return;
            if (value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString() ?? string.Empty;
                if (text.Length > 0) AddText(fields, name, text, ref identifier);
                return;
            }
            var column = ColumnFor(name);
            if (column.Ignored || column.IdentifierOnly) return;
            if (column.IsIdentifier) identifier = value.ToString();
            if (column.Error != null) throw new ArgumentException(column.Error);
            var clr = JsonValue.ToPlain(value);
            ColumnPath.Put(fields, column.Field!.Id, column.Path.Count == 0 ? clr : NestUnder(clr, column.Path));
        }

        private static object? NestUnder(object? value, IReadOnlyList<string> path)
        {
            for (var i = path.Count - 1; i >= 0; i--) value = new Dictionary<string, object?>(StringComparer.Ordinal) { [path[i]] = value };
            return value;
        }

        private MappedColumn ColumnFor(string header)
        {
            if (_columns.TryGetValue(header, out var known)) return known;
            var column = Resolve(header.Trim());
            _columns[header] = column;
            return column;
        }

        private MappedColumn Resolve(string header)
        {
            if (ColumnPath.IsIgnored(header)) return MappedColumn.Ignore;
            if (IsKeyOrId(header)) return new MappedColumn(null, new string[0], null, IsIdentifierHeader(header), identifierOnly: true);
            try
            {
                var field = _catalog.Resolve(header);
                return new MappedColumn(field, new string[0], null, IsIdentifierField(field), identifierOnly: false);
            }
            catch (ArgumentException whole)
            {
                var dot = header.IndexOf('.');
                if (dot <= 0) return new MappedColumn(null, new string[0], $"Column '{header}': {whole.Message}", false, false);
                try
                {
                    var field = _catalog.Resolve(header.Substring(0, dot));
                    var path = header.Substring(dot + 1).Split('.');
                    return new MappedColumn(field, path, null, string.Equals(header, _identifier, StringComparison.OrdinalIgnoreCase), false);
                }
                catch (ArgumentException part)
                {
                    return new MappedColumn(null, new string[0], $"Column '{header}': {part.Message}", false, false);
                }
            }
        }

        private bool IsIdentifierHeader(string header) => string.Equals(header, _identifier, StringComparison.OrdinalIgnoreCase);

        private bool IsIdentifierField(Field field) => _identifierField != null && string.Equals(field.Id, _identifierField.Id, StringComparison.OrdinalIgnoreCase);

        private static bool IsKey(string name) => string.Equals(name, "key", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "issuekey", StringComparison.OrdinalIgnoreCase);

        internal static bool IsKeyOrId(string name) => IsKey(name) || string.Equals(name, "id", StringComparison.OrdinalIgnoreCase);
    }
}
