using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using JiraConnector.Internal;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>A column header split into its field and the path inside the field's value:
    /// "project.key" is field "project", path ["key"]; "Story point estimate" is a field alone.
    /// Multi-value cells ("a;b") become lists, one item (or one object) per value.</summary>
    internal static class ColumnPath
    {
        public const char MultiValueSeparator = ';';

        /// <summary>Header names that identify a record or are the error file's own columns.</summary>
        public static bool IsIgnored(string header) => header.Length == 0 || header[0] == '_';

        [MethodImpl(JitHints.PerRow)]
        public static string[] SplitValues(string cell)
        {
            var parts = cell.Split(MultiValueSeparator);
            var kept = 0;
            foreach (var part in parts)
            {
                var value = part.Trim();
                if (value.Length > 0) parts[kept++] = value;
            }
            if (kept < parts.Length) Array.Resize(ref parts, kept);
            return parts;
        }

        /// <summary>The value of one cell: nested under the path, split into a list for arrays.</summary>
        [MethodImpl(JitHints.PerRow)]
        public static object? Value(string cell, IReadOnlyList<string> path, bool isArray)
        {
            if (!isArray) return Nest(cell, path);
            var items = SplitValues(cell);
            return path.Count == 0 ? (object)items : items.Select(item => Nest(item, path)).ToList();
        }

        /// <summary>Puts a value into a field map, merging objects given by several columns
        /// (project.key and project.name both land in "project").</summary>
        [MethodImpl(JitHints.PerRow)]
        public static void Put(IDictionary<string, object?> fields, string fieldId, object? value)
        {
            if (fields.TryGetValue(fieldId, out var existing) && existing is Dictionary<string, object?> left && value is Dictionary<string, object?> right)
            {
                Merge(left, right);
                return;
            }
            fields[fieldId] = value;
        }

        [MethodImpl(JitHints.PerRow)]
        private static object? Nest(object? value, IReadOnlyList<string> path)
        {
            for (var i = path.Count - 1; i >= 0; i--)
            {
                value = new Dictionary<string, object?>(StringComparer.Ordinal) { [path[i]] = value };
            }
            return value;
        }

        private static void Merge(Dictionary<string, object?> into, Dictionary<string, object?> from)
        {
            foreach (var pair in from)
            {
                if (into.TryGetValue(pair.Key, out var existing) && existing is Dictionary<string, object?> left && pair.Value is Dictionary<string, object?> right) Merge(left, right);
                else into[pair.Key] = pair.Value;
            }
        }
    }
}
