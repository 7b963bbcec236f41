using System;

namespace JiraConnector.Query
{
    /// <summary>Pushes NOT down to the single-field conditions (De Morgan; NOT a = x becomes a != x).
    /// Under three-valued logic this changes no result, and it lets the JQL use Jira's negative
    /// operators, which, like the client, never match an empty field.</summary>
    internal static class NegationNormalForm
    {
        public static QueryExpression Apply(QueryExpression expression) => Push(expression, negate: false);

        private static QueryExpression Push(QueryExpression expression, bool negate)
        {
            switch (expression)
            {
                case NotExpression not:
                    return Push(not.Inner, !negate);
                case AndExpression and:
                    return negate
                        ? new OrExpression(Push(and.Left, true), Push(and.Right, true))
                        : new AndExpression(Push(and.Left, false), Push(and.Right, false));
                case OrExpression or:
                    return negate
                        ? new AndExpression(Push(or.Left, true), Push(or.Right, true))
                        : new OrExpression(Push(or.Left, false), Push(or.Right, false));
                case ComparisonExpression comparison:
                    return negate ? new ComparisonExpression(comparison.Field, Opposite(comparison.Operator), comparison.Values) : comparison;
                default:
                    throw new ArgumentException("Unknown expression " + expression.GetType().Name);
            }
        }

        public static ComparisonOperator Opposite(ComparisonOperator op)
        {
            switch (op)
            {
                case ComparisonOperator.Equal: return ComparisonOperator.NotEqual;
                case ComparisonOperator.NotEqual: return ComparisonOperator.Equal;
                case ComparisonOperator.Less: return ComparisonOperator.GreaterOrEqual;
                case ComparisonOperator.GreaterOrEqual: return ComparisonOperator.Less;
                case ComparisonOperator.Greater: return ComparisonOperator.LessOrEqual;
                case ComparisonOperator.LessOrEqual: return ComparisonOperator.Greater;
                case ComparisonOperator.Like: return ComparisonOperator.NotLike;
                case ComparisonOperator.NotLike: return ComparisonOperator.Like;
                case ComparisonOperator.In: return ComparisonOperator.NotIn;
                case ComparisonOperator.NotIn: return ComparisonOperator.In;
                case ComparisonOperator.IsNull: return ComparisonOperator.IsNotNull;
                default: return ComparisonOperator.IsNull;
            }
        }
    }
}
