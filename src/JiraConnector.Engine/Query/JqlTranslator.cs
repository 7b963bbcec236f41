using System;
using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Query
{
    /// <summary>Turns an OCNQL where clause and order-by into JQL for incidents. Where JQL can say
    /// exactly what OCNQL means, it does; where it cannot (text matching, dates in the user's time
    /// zone, ordering of names), the JQL narrows to a superset and the whole clause is checked again
    /// on the client. The JQL never contains NOT, and every value is a quoted literal.</summary>
    public sealed class JqlTranslator
    {
        /// <summary>Cloud's search/jql refuses a query with no restriction; this one every issue meets.</summary>
        public const string EveryIssue = "project IS NOT EMPTY";

        private static readonly TimeSpan DateMargin = TimeSpan.FromDays(1);
        private readonly IncidentFields _fields;

        /// <param name="resolveCustomFieldId">Maps a custom field's display name to its id
        /// ("Story Points" to "customfield_10016"); null if names are not to be resolved.</param>
        public JqlTranslator(Func<string, string?>? resolveCustomFieldId = null)
        {
            _fields = new IncidentFields(resolveCustomFieldId);
        }

        internal IncidentFields Fields => _fields;

        public JqlTranslation Translate(QueryExpression? where, IReadOnlyList<OrderByItem>? orderBy = null)
        {
            var part = where == null ? Part.All(exact: true) : TranslateNode(NegationNormalForm.Apply(where));
            var jql = (part.Jql ?? EveryIssue) + " ORDER BY " + OrderBy(orderBy);
            return new JqlTranslation(jql, part.IsExact ? null : where);
        }

        /// <summary>The names of the fields to ask Jira for, for a select list.</summary>
        public IReadOnlyList<string> JiraFieldIds(IEnumerable<string> names) =>
            names.Select(n => _fields.Get(n).JiraFieldId).Distinct(StringComparer.Ordinal).ToList();

        private string OrderBy(IReadOnlyList<OrderByItem>? orderBy)
        {
            if (orderBy == null || orderBy.Count == 0) return "key ASC";
            var keys = orderBy.Select(o => _fields.Get(o.Field).JqlName + (o.Descending ? " DESC" : " ASC")).ToList();
            // Ties are broken by key, so paging never sees the same order twice in different ways.
            if (!orderBy.Any(o => _fields.Get(o.Field).Kind == IncidentFieldKind.Key)) keys.Add("key ASC");
            return string.Join(", ", keys);
        }

        private Part TranslateNode(QueryExpression node)
        {
            switch (node)
            {
                case AndExpression and:
                {
                    var left = TranslateNode(and.Left);
                    var right = TranslateNode(and.Right);
                    var jql = left.Jql == null ? right.Jql : right.Jql == null ? left.Jql : left.Jql + " AND " + right.Jql;
                    return new Part(jql, left.IsExact && right.IsExact);
                }
                case OrExpression or:
                {
                    var left = TranslateNode(or.Left);
                    var right = TranslateNode(or.Right);
                    // A side the server cannot narrow could match anything, so the OR cannot be narrowed.
                    if (left.Jql == null || right.Jql == null) return Part.All(exact: false);
                    return new Part("(" + left.Jql + " OR " + right.Jql + ")", left.IsExact && right.IsExact);
                }
                case ComparisonExpression comparison:
                    return TranslateComparison(comparison);
                default:
                    throw new ArgumentException("NOT should have been pushed to the leaves: " + node);
            }
        }

        private Part TranslateComparison(ComparisonExpression c)
        {
            var field = _fields.Get(c.Field);
            var name = field.JqlName;
            switch (c.Operator)
            {
                case ComparisonOperator.IsNull: return Part.Exact(name + " IS EMPTY");
                case ComparisonOperator.IsNotNull: return Part.Exact(name + " IS NOT EMPTY");
            }
            switch (field.Kind)
            {
                case IncidentFieldKind.Key:
                case IncidentFieldKind.Reference:
                case IncidentFieldKind.User:
                case IncidentFieldKind.Labels:
                    return Equality(name, c) ?? Part.All(exact: false);
                case IncidentFieldKind.Id:
                    RequireNumbers(c);
                    return Ordered(name, c, v => JqlLiteral.Number((decimal)v.Value));
                case IncidentFieldKind.Number:
                    return c.Values.All(v => v.Value is decimal) ? Ordered(name, c, v => JqlLiteral.Number((decimal)v.Value)) : Part.All(exact: false);
                case IncidentFieldKind.Date:
                    return DateWindow(name, c);
                case IncidentFieldKind.Text:
                    return TextSearch(name, c);
                default:
                    return Part.All(exact: false);
            }
        }

        /// <summary>= != IN NOT IN, which JQL matches exactly on these fields; null for other operators.</summary>
        private static Part? Equality(string name, ComparisonExpression c)
        {
            switch (c.Operator)
            {
                case ComparisonOperator.Equal: return Part.Exact(name + " = " + Literal(c.Value));
                case ComparisonOperator.NotEqual: return Part.Exact(name + " != " + Literal(c.Value));
                case ComparisonOperator.In: return Part.Exact(name + " IN (" + string.Join(", ", c.Values.Select(Literal)) + ")");
                case ComparisonOperator.NotIn: return Part.Exact(name + " NOT IN (" + string.Join(", ", c.Values.Select(Literal)) + ")");
                default: return null;
            }
        }

        private static Part Ordered(string name, ComparisonExpression c, Func<QueryValue, string> literal)
        {
            switch (c.Operator)
            {
                case ComparisonOperator.In: return Part.Exact(name + " IN (" + string.Join(", ", c.Values.Select(literal)) + ")");
                case ComparisonOperator.NotIn: return Part.Exact(name + " NOT IN (" + string.Join(", ", c.Values.Select(literal)) + ")");
                case ComparisonOperator.Like:
                case ComparisonOperator.NotLike:
                    return Part.All(exact: false);
                default: return Part.Exact(name + " " + ComparisonExpression.Symbol(c.Operator) + " " + literal(c.Value));
            }
        }

        /// <summary>JQL reads a date in the user's time zone at minute precision; widening by a day
        /// either side makes the server's answer a superset whatever that zone is.</summary>
        private static Part DateWindow(string name, ComparisonExpression c)
        {
            var dates = c.Values.Select(v => ParseDate(c.Field, v)).ToList();
            switch (c.Operator)
            {
                case ComparisonOperator.Greater:
                case ComparisonOperator.GreaterOrEqual:
                    return Part.Narrowed(name + " >= " + JqlLiteral.Date(dates[0] - DateMargin));
                case ComparisonOperator.Less:
                case ComparisonOperator.LessOrEqual:
                    return Part.Narrowed(name + " <= " + JqlLiteral.Date(dates[0] + DateMargin));
                case ComparisonOperator.Equal:
                case ComparisonOperator.In:
                    var windows = dates.Select(d => "(" + name + " >= " + JqlLiteral.Date(d - DateMargin) + " AND " + name + " <= " + JqlLiteral.Date(d + DateMargin) + ")").ToList();
                    return Part.Narrowed(windows.Count == 1 ? windows[0] : "(" + string.Join(" OR ", windows) + ")");
                case ComparisonOperator.NotEqual:
                case ComparisonOperator.NotIn:
                    // Negative conditions never hold on an empty field.
                    return Part.Narrowed(name + " IS NOT EMPTY");
                default:
                    return Part.All(exact: false);
            }
        }

        private static Part TextSearch(string name, ComparisonExpression c)
        {
            IReadOnlyList<string> terms;
            switch (c.Operator)
            {
                case ComparisonOperator.Like: terms = LikePattern.SearchTerms(c.Value.Text); break;
                case ComparisonOperator.Equal: terms = LikePattern.SearchTerms(c.Value.Text.Replace("%", " ")); break;
                case ComparisonOperator.NotEqual:
                case ComparisonOperator.NotLike:
                    return Part.Narrowed(name + " IS NOT EMPTY");
                default: return Part.All(exact: false);
            }
            return terms.Count == 0 ? Part.All(exact: false) : Part.Narrowed(name + " ~ " + JqlLiteral.String(string.Join(" ", terms)));
        }

        private static string Literal(QueryValue value) =>
            value.Value is decimal number ? JqlLiteral.String(JqlLiteral.Number(number)) : JqlLiteral.String(value.Text);

        private static DateTimeOffset ParseDate(string field, QueryValue value)
        {
            if (value.IsString && QueryDates.TryParse(value.Text, out var date)) return date;
            throw new OcnqlTranslationException(
                $"{field} is a date: compare it with a quoted date such as '2026-01-31' or '2026-01-31 14:30', not {value}.");
        }

        private static void RequireNumbers(ComparisonExpression c)
        {
            if (c.Operator == ComparisonOperator.Like || c.Operator == ComparisonOperator.NotLike) return;
            foreach (var value in c.Values)
            {
                if (!(value.Value is decimal)) throw new OcnqlTranslationException($"{c.Field} is a number: compare it with a number, not {value}.");
            }
        }

        /// <summary>A translated piece: its JQL (null: no restriction) and whether it is exact.</summary>
        private readonly struct Part
        {
            public Part(string? jql, bool exact)
            {
                Jql = jql;
                IsExact = exact;
            }

            public string? Jql { get; }

            public bool IsExact { get; }

            public static Part Exact(string jql) => new Part(jql, true);

            public static Part Narrowed(string jql) => new Part(jql, false);

            public static Part All(bool exact) => new Part(null, exact);
        }
    }
}
