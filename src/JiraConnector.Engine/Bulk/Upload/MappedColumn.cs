using System.Collections.Generic;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>What a column header of an incident file stands for: a field and the path inside
    /// its value (project.key), the identifier (key, id or the -IdentifierField), a column to ignore
    /// (_row, _error ... of an error file), or an error that fails every row filling the column.</summary>
    internal sealed class MappedColumn
    {
        public static readonly MappedColumn Ignore = new MappedColumn(null, new string[0], null, false, true) { Ignored = true };

        public MappedColumn(Field? field, IReadOnlyList<string> path, string? error, bool isIdentifier, bool identifierOnly)
        {
            Field = field;
            Path = path;
            Error = error;
            IsIdentifier = isIdentifier;
            IdentifierOnly = identifierOnly;
        }

        public Field? Field { get; }
        public IReadOnlyList<string> Path { get; }
        public string? Error { get; }
        public bool IsIdentifier { get; }
        public bool IdentifierOnly { get; }
        public bool Ignored { get; private set; }
    }
}
