using System;
using System.Collections.Generic;
using System.Linq;
using JiraConnector.Resources;

namespace JiraConnector.Query
{
    /// <summary>Sends what an endpoint can filter to the endpoint: project keys and name text to
    /// project/search, group names to group/bulk, name text to user/search (only when the query
    /// wants active users, since that endpoint lists no others), a start time to the worklogs feed.
    /// Only conditions every result must meet (the top-level AND) are pushed, and only in forms
    /// whose server answer is a superset; the client still applies the whole clause.</summary>
    internal static class Pushdown
    {
        public static void Apply(string resource, QueryExpression? where, ReadOptions options)
        {
            if (where == null) return;
            var required = Conjuncts(NegationNormalForm.Apply(where)).OfType<ComparisonExpression>().ToList();
            switch (resource)
            {
                case "projects":
                    Push(options, "keys", Values(required, "key", ComparisonOperator.Equal, ComparisonOperator.In));
                    Push(options, "query", Prefix(required, "name"));
                    break;
                case "groups":
                    Push(options, "groupName", Values(required, "name", ComparisonOperator.Equal, ComparisonOperator.In));
                    break;
                case "contacts":
                    var activeOnly = required.Any(c => Is(c, "active") && c.Operator == ComparisonOperator.Equal && c.Value.Value is bool b && b);
                    if (activeOnly) Push(options, "query", Prefix(required, "displayName") ?? Prefix(required, "emailAddress"));
                    break;
                case "worklogs":
                    var since = required.Where(c => Is(c, "updated") && (c.Operator == ComparisonOperator.Greater || c.Operator == ComparisonOperator.GreaterOrEqual))
                        .Select(c => QueryDates.TryParse(c.Value.Text, out var date) ? date : (DateTimeOffset?)null)
                        .Where(d => d != null).Select(d => d!.Value).DefaultIfEmpty().Max();
                    if (since != default && (options.Since == null || since > options.Since)) options.Since = since;
                    break;
            }
        }

        private static IEnumerable<QueryExpression> Conjuncts(QueryExpression expression) =>
            expression is AndExpression and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : new[] { expression };

        private static bool Is(ComparisonExpression c, string field) => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase);

        private static IReadOnlyList<string>? Values(List<ComparisonExpression> required, string field, params ComparisonOperator[] ops)
        {
            // One IN list is pushed; two would have to be intersected, which the client does anyway.
            var match = required.FirstOrDefault(c => Is(c, field) && ops.Contains(c.Operator));
            return match?.Values.Select(v => v.Text).ToList();
        }

        /// <summary>Text that every match starts with: from = 'x' or LIKE 'x%'.</summary>
        private static IReadOnlyList<string>? Prefix(List<ComparisonExpression> required, string field)
        {
            foreach (var c in required.Where(c => Is(c, field) && c.Values.Count > 0))
            {
                if (c.Operator == ComparisonOperator.Equal && c.Value.IsString) return new[] { c.Value.Text };
                if (c.Operator == ComparisonOperator.Like)
                {
                    var prefix = c.Value.Text.Split('%')[0];
                    if (prefix.Length > 0) return new[] { prefix };
                }
            }
            return null;
        }

        private static void Push(ReadOptions options, string parameter, IReadOnlyList<string>? values)
        {
            if (values != null && values.Count > 0) options.ServerFilters[parameter] = values;
        }
    }
}
