using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JiraConnector.Internal;
using JiraConnector.Resources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>How a CSV header row becomes the "fields" of a create, worked out once per file so
    /// that each row is written straight from its cells: no field map, no nested dictionaries.
    /// It writes what IncidentRecordMapper's field map would (plain cells take their field type's
    /// shape, dotted columns become objects, several columns of one field merge, empty cells are
    /// left out); headers it cannot say that of (one field given both whole and by path, say) get
    /// no plan, and their rows go through the field map.</summary>
    internal sealed class CsvCreatePlan
    {
        private readonly FieldGroup[] _groups;
        private readonly (int Index, string Error)[] _checks;
        private readonly bool _adf;
        private readonly bool _cloud;
        private readonly UserDirectory _users;

        private CsvCreatePlan(FieldGroup[] groups, (int Index, string Error)[] checks, bool adf, bool cloud, UserDirectory users)
        {
            _users = users;
            _groups = groups;
            _checks = checks;
            _adf = adf;
            _cloud = cloud;
        }

        /// <summary>The plan for these columns, or null when the field map must be used.</summary>
        public static CsvCreatePlan? For(IReadOnlyList<MappedColumn> columns, JiraInstance instance)
        {
            var groups = new List<FieldGroup>();
            var checks = new List<(int Index, string Error)>();
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                if (column.Ignored || column.IdentifierOnly) continue;
                if (column.Error != null)
                {
                    checks.Add((i, column.Error));
                    continue;
                }
                var field = column.Field!;
                var group = groups.FirstOrDefault(g => string.Equals(g.Field.Id, field.Id, StringComparison.OrdinalIgnoreCase));
                if (group == null) groups.Add(group = new FieldGroup(field));
                group.Columns.Add((i, column.Path));
            }
            if (groups.Any(g => !g.CanWrite)) return null;
            return new CsvCreatePlan(groups.ToArray(), checks.ToArray(), RequestBodies.WritesAdf(instance), instance.Deployment == JiraDeployment.Cloud,
                UserDirectory.For(instance));
        }

        /// <summary>Writes the "fields" member of one row. A filled column that names no field
        /// throws ArgumentException: that row fails, the job goes on.</summary>
        [MethodImpl(JitHints.PerRow)]
        public void WriteFields(Utf8JsonWriter writer, string[] cells)
        {
            foreach (var check in _checks)
            {
                if (cells[check.Index].Length > 0) throw new ArgumentException(check.Error);
            }
            writer.WriteStartObject("fields");
            foreach (var group in _groups)
            {
                if (!group.HasValue(cells)) continue;
                writer.WritePropertyName(group.Field.Id);
                if (group.IsSingleWhole)
                {
                    var cell = cells[group.Columns[0].Index];
                    RequestBodies.WriteFieldValue(writer, group.Field, group.IsArray ? ColumnPath.SplitValues(cell) : (object)cell, _adf, _cloud, _users);
                }
                else if (group.IsArray)
                {
                    WriteArrayOfPaths(writer, group.Columns[0], cells);
                }
                else
                {
                    WriteMerged(writer, group.Tree!, cells);
                }
            }
            writer.WriteEndObject();
        }

        /// <summary>components.name = "a;b": [{"name":"a"},{"name":"b"}].</summary>
        private static void WriteArrayOfPaths(Utf8JsonWriter writer, (int Index, IReadOnlyList<string> Path) column, string[] cells)
        {
            writer.WriteStartArray();
            foreach (var item in ColumnPath.SplitValues(cells[column.Index])) WriteNested(writer, column.Path, 0, item);
            writer.WriteEndArray();
        }

        private static void WriteNested(Utf8JsonWriter writer, IReadOnlyList<string> path, int from, string value)
        {
            for (var i = from; i < path.Count; i++)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(path[i]);
            }
            writer.WriteStringValue(value);
            for (var i = from; i < path.Count; i++) writer.WriteEndObject();
        }

        /// <summary>project.key and project.name: one object with the filled members.</summary>
        private static void WriteMerged(Utf8JsonWriter writer, PathNode node, string[] cells)
        {
            writer.WriteStartObject();
            foreach (var child in node.Children)
            {
                if (!child.HasValue(cells)) continue;
                writer.WritePropertyName(child.Name);
                if (child.Index >= 0) writer.WriteStringValue(cells[child.Index]);
                else WriteMerged(writer, child, cells);
            }
            writer.WriteEndObject();
        }

        /// <summary>The columns of one field.</summary>
        private sealed class FieldGroup
        {
            private bool? _canWrite;

            public FieldGroup(Field field) => Field = field;

            public Field Field { get; }
            public List<(int Index, IReadOnlyList<string> Path)> Columns { get; } = new List<(int Index, IReadOnlyList<string> Path)>();
            public bool IsArray => Field.Type == "array";
            public bool IsSingleWhole => Columns.Count == 1 && Columns[0].Path.Count == 0;
            public PathNode? Tree { get; private set; }

            /// <summary>One whole column, one dotted column of an array field, or dotted columns of
            /// an object field whose paths do not overlap. Anything else is left to the field map.</summary>
            public bool CanWrite => _canWrite ??= Decide();

            public bool HasValue(string[] cells)
            {
                foreach (var column in Columns)
                {
                    if (cells[column.Index].Length > 0) return true;
                }
                return false;
            }

            private bool Decide()
            {
                if (IsSingleWhole) return true;
                if (IsArray) return Columns.Count == 1;
                if (Columns.Any(c => c.Path.Count == 0)) return false;
                Tree = PathNode.Build(Columns.Select(c => (c.Path, c.Index)));
                return Tree != null;
            }
        }

        /// <summary>The merged paths of a field's columns: inner nodes are objects, leaves cells.</summary>
        private sealed class PathNode
        {
            private PathNode(string name, int index)
            {
                Name = name;
                Index = index;
            }

            public string Name { get; }

            /// <summary>The cell of a leaf; -1 for an object.</summary>
            public int Index { get; }

            public List<PathNode> Children { get; } = new List<PathNode>();

            public bool HasValue(string[] cells)
            {
                if (Index >= 0) return cells[Index].Length > 0;
                foreach (var child in Children)
                {
                    if (child.HasValue(cells)) return true;
                }
                return false;
            }

            /// <summary>Null when one path ends where another goes on (a.b and a.b.c) or two are the same.</summary>
            public static PathNode? Build(IEnumerable<(IReadOnlyList<string> Path, int Index)> columns)
            {
                var root = new PathNode(string.Empty, -1);
                foreach (var (path, index) in columns)
                {
                    var node = root;
                    for (var depth = 0; depth < path.Count; depth++)
                    {
                        var last = depth == path.Count - 1;
                        var next = node.Children.FirstOrDefault(c => c.Name == path[depth]);
                        if (next != null && (last || next.Index >= 0)) return null;
                        if (next == null) node.Children.Add(next = new PathNode(path[depth], last ? index : -1));
                        node = next;
                    }
                }
                return root;
            }
        }
    }
}
