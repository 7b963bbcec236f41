using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace JiraConnector.Query
{
    /// <summary>Evaluates a where clause on one record, with SQL's three-valued logic: a condition
    /// on an empty field (null, empty text, empty list) is unknown, NOT of unknown stays unknown,
    /// and only a definite true selects the record. That is also how Jira treats `field != x` on an
    /// empty field, which keeps client-side results and JQL results the same.
    /// Text compares without regard to case; numbers compare as numbers and dates as instants.
    /// A multi-valued field (labels) or a field with several names (a status by name or id)
    /// matches a positive condition when any value does, a negative one when none does.</summary>
    public static class ClientEvaluator
    {
        public static bool Matches(QueryExpression expression, Func<string, object?> getField) =>
            Evaluate(expression, getField) == true;

        /// <summary>true, false, or null for unknown.</summary>
        public static bool? Evaluate(QueryExpression expression, Func<string, object?> getField)
        {
            switch (expression)
            {
                case AndExpression and:
                {
                    var left = Evaluate(and.Left, getField);
                    if (left == false) return false;
                    var right = Evaluate(and.Right, getField);
                    if (right == false) return false;
                    return left == true && right == true ? true : (bool?)null;
                }
                case OrExpression or:
                {
                    var left = Evaluate(or.Left, getField);
                    if (left == true) return true;
                    var right = Evaluate(or.Right, getField);
                    if (right == true) return true;
                    return left == false && right == false ? false : (bool?)null;
                }
                case NotExpression not:
                {
                    var inner = Evaluate(not.Inner, getField);
                    return inner == null ? (bool?)null : !inner.Value;
                }
                case ComparisonExpression comparison:
                    return Compare(comparison, getField(comparison.Field));
                default:
                    throw new ArgumentException("Unknown expression " + expression.GetType().Name);
            }
        }

        private static bool? Compare(ComparisonExpression comparison, object? fieldValue)
        {
            var values = Flatten(fieldValue);
            switch (comparison.Operator)
            {
                case ComparisonOperator.IsNull: return values.Count == 0;
                case ComparisonOperator.IsNotNull: return values.Count > 0;
            }
            if (values.Count == 0) return null;
            switch (comparison.Operator)
            {
                case ComparisonOperator.NotEqual: return !values.Any(v => Equal(v, comparison.Value));
                case ComparisonOperator.NotIn: return !values.Any(v => comparison.Values.Any(q => Equal(v, q)));
                case ComparisonOperator.NotLike: return !values.Any(v => Like(v, comparison.Value));
                case ComparisonOperator.Equal: return values.Any(v => Equal(v, comparison.Value));
                case ComparisonOperator.In: return values.Any(v => comparison.Values.Any(q => Equal(v, q)));
                case ComparisonOperator.Like: return values.Any(v => Like(v, comparison.Value));
                default:
                    var order = values.Select(v => Order(v, comparison.Value)).Where(o => o != null).ToList();
                    if (order.Count == 0) return null;
                    return order.Any(o => Holds(comparison.Operator, o!.Value));
            }
        }

        private static bool Holds(ComparisonOperator op, int order)
        {
            switch (op)
            {
                case ComparisonOperator.Less: return order < 0;
                case ComparisonOperator.LessOrEqual: return order <= 0;
                case ComparisonOperator.Greater: return order > 0;
                default: return order >= 0;
            }
        }

        /// <summary>A field's values as a flat list, empties dropped: null, "", [] all mean no value.</summary>
        private static List<object> Flatten(object? value)
        {
            var list = new List<object>();
            Add(value, list);
            return list;
        }

        private static void Add(object? value, List<object> list)
        {
            switch (value)
            {
                case null: return;
                case string s:
                    if (s.Length > 0) list.Add(s);
                    return;
                case FieldAliases aliases:
                    if (aliases.Names.Count > 0) list.Add(aliases);
                    return;
                case IEnumerable items:
                    foreach (var item in items) Add(item, list);
                    return;
                default:
                    list.Add(value);
                    return;
            }
        }

        private static bool Equal(object value, QueryValue query)
        {
            if (value is FieldAliases aliases) return aliases.Names.Any(name => Equal(name, query));
            return Order(value, query) == 0;
        }

        private static bool Like(object value, QueryValue query)
        {
            var regex = LikePattern.ToRegex(query.Text);
            if (value is FieldAliases aliases) return aliases.Names.Any(name => regex.IsMatch(name));
            return regex.IsMatch(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        /// <summary>Compares a field value with a literal: as numbers when both are numbers, as
        /// instants when the field is a date, as booleans, else as text ignoring case. Null when
        /// the two cannot be compared (a date field against a word).</summary>
        internal static int? Order(object value, QueryValue query)
        {
            if (value is FieldAliases aliases) value = aliases.ToString();
            if (value is DateTimeOffset date)
            {
                return QueryDates.TryParse(query.Text, out var other) ? date.CompareTo(other) : (int?)null;
            }
            if (value is DateTime dateTime)
            {
                return QueryDates.TryParse(query.Text, out var other) ? new DateTimeOffset(dateTime.ToUniversalTime()).CompareTo(other) : (int?)null;
            }
            if (value is bool flag)
            {
                if (query.Value is bool wanted) return flag.CompareTo(wanted);
                return bool.TryParse(query.Text, out var parsed) ? flag.CompareTo(parsed) : (int?)null;
            }
            if (IsNumber(value) && TryNumber(query.Value, out var number))
            {
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture).CompareTo(number);
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            if (query.Value is decimal && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fieldNumber))
            {
                return fieldNumber.CompareTo((decimal)query.Value);
            }
            return Math.Sign(string.Compare(text, query.Text, StringComparison.OrdinalIgnoreCase));
        }

        private static bool IsNumber(object value) =>
            value is int || value is long || value is decimal || value is double || value is float || value is short || value is ulong || value is uint;

        private static bool TryNumber(object literal, out decimal number)
        {
            if (literal is decimal d) { number = d; return true; }
            return decimal.TryParse(Convert.ToString(literal, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }
    }
}
