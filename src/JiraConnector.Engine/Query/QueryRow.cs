using System.Collections.Generic;

namespace JiraConnector.Query
{
    /// <summary>One row of a select: the named fields in the order they were named, with the values
    /// a table shows. The module writes it as an object whose properties are those fields.</summary>
    internal sealed class QueryRow
    {
        public const string TypeName = "JiraConnector.QueryRow";

        public QueryRow(IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            Values = values;
        }

        public IReadOnlyList<KeyValuePair<string, object?>> Values { get; }
    }
}
