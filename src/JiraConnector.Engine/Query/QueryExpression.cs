using System.Collections.Generic;
using System.Globalization;

namespace JiraConnector.Query
{
    /// <summary>The syntax tree of an OCNQL where clause. Immutable; ToString prints OCNQL back.</summary>
    public abstract class QueryExpression
    {
        internal QueryExpression() { }

        /// <summary>Every expression prints itself as OCNQL (never null, which .NET 8's object.ToString allows).</summary>
        public abstract override string ToString();
    }

    public sealed class AndExpression : QueryExpression
    {
        internal AndExpression(QueryExpression left, QueryExpression right) { Left = left; Right = right; }
        public QueryExpression Left { get; }
        public QueryExpression Right { get; }
        public override string ToString() => Wrap(Left) + " AND " + Wrap(Right);
        private static string Wrap(QueryExpression e) => e is OrExpression ? "(" + e + ")" : e.ToString();
    }

    public sealed class OrExpression : QueryExpression
    {
        internal OrExpression(QueryExpression left, QueryExpression right) { Left = left; Right = right; }
        public QueryExpression Left { get; }
        public QueryExpression Right { get; }
        public override string ToString() => Left + " OR " + Right;
    }

    public sealed class NotExpression : QueryExpression
    {
        internal NotExpression(QueryExpression inner) { Inner = inner; }
        public QueryExpression Inner { get; }
        public override string ToString() => "NOT " + (Inner is ComparisonExpression ? Inner.ToString() : "(" + Inner + ")");
    }

    /// <summary>The operators of a single-field condition. Negative ones are the complements that
    /// NOT turns the positive ones into.</summary>
    public enum ComparisonOperator
    {
        Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
        Like, NotLike, In, NotIn, IsNull, IsNotNull,
    }

    /// <summary>field op value(s): every leaf of the tree.</summary>
    public sealed class ComparisonExpression : QueryExpression
    {
        internal ComparisonExpression(string field, ComparisonOperator op, IReadOnlyList<QueryValue> values)
        {
            Field = field;
            Operator = op;
            Values = values;
        }

        public string Field { get; }
        public ComparisonOperator Operator { get; }

        /// <summary>One value, several for IN / NOT IN, none for IS [NOT] NULL.</summary>
        public IReadOnlyList<QueryValue> Values { get; }

        public QueryValue Value => Values[0];

        public override string ToString()
        {
            var field = OcnqlNames.Format(Field);
            switch (Operator)
            {
                case ComparisonOperator.IsNull: return field + " IS NULL";
                case ComparisonOperator.IsNotNull: return field + " IS NOT NULL";
                case ComparisonOperator.In: return field + " IN (" + string.Join(", ", Values) + ")";
                case ComparisonOperator.NotIn: return field + " NOT IN (" + string.Join(", ", Values) + ")";
                default: return field + " " + Symbol(Operator) + " " + Value;
            }
        }

        internal static string Symbol(ComparisonOperator op)
        {
            switch (op)
            {
                case ComparisonOperator.Equal: return "=";
                case ComparisonOperator.NotEqual: return "!=";
                case ComparisonOperator.Less: return "<";
                case ComparisonOperator.LessOrEqual: return "<=";
                case ComparisonOperator.Greater: return ">";
                case ComparisonOperator.GreaterOrEqual: return ">=";
                case ComparisonOperator.Like: return "LIKE";
                case ComparisonOperator.NotLike: return "NOT LIKE";
                case ComparisonOperator.In: return "IN";
                case ComparisonOperator.NotIn: return "NOT IN";
                case ComparisonOperator.IsNull: return "IS NULL";
                default: return "IS NOT NULL";
            }
        }
    }

    /// <summary>A literal: a string (also dates, in quotes), a number or a boolean.</summary>
    public sealed class QueryValue
    {
        internal QueryValue(object value) { Value = value; }

        /// <summary>string, decimal or bool.</summary>
        public object Value { get; }

        public bool IsString => Value is string;

        public string Text => Value is decimal d ? d.ToString(CultureInfo.InvariantCulture) : Value is bool b ? (b ? "true" : "false") : (string)Value;

        public override string ToString() => Value is string s ? "'" + s.Replace("'", "''") + "'" : Text;
    }
}
