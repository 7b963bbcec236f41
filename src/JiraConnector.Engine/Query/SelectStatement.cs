using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Query
{
    /// <summary>One key of an order-by list.</summary>
    public sealed class OrderByItem
    {
        internal OrderByItem(string field, bool descending) { Field = field; Descending = descending; }
        public string Field { get; }
        public bool Descending { get; }
        public override string ToString() => OcnqlNames.Format(Field) + (Descending ? " DESC" : " ASC");
    }

    /// <summary>select &lt;fields|*&gt; from &lt;object&gt; [where ...] [order by ...] [limit n].</summary>
    public sealed class SelectStatement
    {
        internal SelectStatement(IReadOnlyList<string>? fields, string objectName, QueryExpression? where,
            IReadOnlyList<OrderByItem> orderBy, int? limit)
        {
            Fields = fields;
            ObjectName = objectName;
            Where = where;
            OrderBy = orderBy;
            Limit = limit;
        }

        /// <summary>The selected fields; null for *.</summary>
        public IReadOnlyList<string>? Fields { get; }
        public string ObjectName { get; }
        public QueryExpression? Where { get; }
        public IReadOnlyList<OrderByItem> OrderBy { get; }
        public int? Limit { get; }

        public override string ToString() =>
            "SELECT " + (Fields == null ? "*" : string.Join(", ", Fields.Select(OcnqlNames.Format))) + " FROM " + ObjectName +
            (Where == null ? string.Empty : " WHERE " + Where) +
            (OrderBy.Count == 0 ? string.Empty : " ORDER BY " + string.Join(", ", OrderBy.Select(o => o.ToString()))) +
            (Limit == null ? string.Empty : " LIMIT " + Limit);
    }
}
