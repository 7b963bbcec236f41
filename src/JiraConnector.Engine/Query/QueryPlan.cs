using System;
using System.Collections.Generic;
using System.Linq;
using JiraConnector.Resources;

namespace JiraConnector.Query
{
    /// <summary>How one query runs: which resource and server-side options (JQL for incidents),
    /// what the client still filters, how records are projected to the selected fields, and what
    /// must be sorted on the client (resources whose endpoints cannot sort).</summary>
    internal sealed class QueryPlan
    {
        public QueryPlan(ResolvedResource resource, ReadOptions options, QueryExpression? clientFilter,
            Func<JiraRecord, Func<string, object?>> fieldReader, IReadOnlyList<string>? select,
            IReadOnlyList<OrderByItem> clientOrder, int? limit, Func<JiraRecord, Func<string, object?>>? displayReader = null)
        {
            DisplayReader = displayReader;
            Resource = resource;
            Options = options;
            ClientFilter = clientFilter;
            FieldReader = fieldReader;
            Select = select;
            ClientOrder = clientOrder;
            Limit = limit;
        }

        public ResolvedResource Resource { get; }

        /// <summary>For OCNQL on incidents: the JQL it became and what the client still checks.</summary>
        public JqlTranslation? Translation { get; set; }

        public ReadOptions Options { get; }

        public QueryExpression? ClientFilter { get; }

        public Func<JiraRecord, Func<string, object?>> FieldReader { get; }

        /// <summary>Field values as a select shows them, where they differ from what is compared
        /// (incidents: a user by display name, not the account id it also matches by).</summary>
        public Func<JiraRecord, Func<string, object?>>? DisplayReader { get; }

        public IReadOnlyList<string>? Select { get; }

        public IReadOnlyList<OrderByItem> ClientOrder { get; }

        public int? Limit { get; }

        public bool IsExact => ClientFilter == null;

        public bool Matches(JiraRecord record) => ClientFilter == null || ClientEvaluator.Matches(ClientFilter, FieldReader(record));

        /// <summary>The record reduced to the selected fields, in the order they were named.</summary>
        public object Project(JiraRecord record)
        {
            if (Select == null) return record;
            var read = (DisplayReader ?? FieldReader)(record);
            var values = new List<KeyValuePair<string, object?>>(Select.Count);
            foreach (var name in Select) values.Add(new KeyValuePair<string, object?>(name, Display(read(name))));
            return new QueryRow(values);
        }

        /// <summary>Sorts records on the client for resources whose endpoints cannot; these lists are
        /// small (projects, users, groups, schemes), so holding them is fine.</summary>
        public IEnumerable<JiraRecord> SortOnClient(IEnumerable<JiraRecord> records)
        {
            IOrderedEnumerable<(JiraRecord Record, Func<string, object?> Read)>? sorted = null;
            var withReaders = records.Select(r => (Record: r, Read: FieldReader(r))).ToList();
            foreach (var key in ClientOrder)
            {
                var comparer = new FieldValueComparer(key.Descending);
                Func<(JiraRecord Record, Func<string, object?> Read), object?> select = item => item.Read(key.Field);
                sorted = sorted == null ? withReaders.OrderBy(select, comparer) : sorted.ThenBy(select, comparer);
            }
            return sorted == null ? withReaders.Select(i => i.Record) : sorted.Select(i => i.Record);
        }

        private static object? Display(object? value) =>
            value is FieldAliases aliases ? aliases.ToString() :
            value is System.Collections.IEnumerable list && !(value is string) ? list.Cast<object?>().Select(Display).ToArray() :
            value;

        /// <summary>Empty values last; numbers, dates and text each in their natural order.</summary>
        private sealed class FieldValueComparer : IComparer<object?>
        {
            private readonly bool _descending;

            public FieldValueComparer(bool descending) { _descending = descending; }

            public int Compare(object? x, object? y)
            {
                x = Display(x);
                y = Display(y);
                if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
                var order = x is IComparable cx && x.GetType() == y.GetType()
                    ? cx.CompareTo(y)
                    : string.Compare(x.ToString(), y.ToString(), StringComparison.OrdinalIgnoreCase);
                return _descending ? -order : order;
            }
        }
    }
}
