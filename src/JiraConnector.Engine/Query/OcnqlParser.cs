using System.Collections.Generic;
using System.Globalization;

namespace JiraConnector.Query
{
    /// <summary>Recursive-descent parser for OCNQL. Precedence: NOT binds tighter than AND, AND
    /// tighter than OR; keywords are case-insensitive; a syntax error names its position.</summary>
    public sealed class OcnqlParser
    {
        private readonly List<OcnqlToken> _tokens;
        private int _next;

        private OcnqlParser(string text)
        {
            _tokens = OcnqlTokenizer.Tokenize(text ?? string.Empty);
        }

        /// <summary>Parses a where clause such as "status = 'Done' AND labels IN ('a', 'b')".</summary>
        public static QueryExpression ParseWhere(string text)
        {
            var parser = new OcnqlParser(text);
            var expression = parser.ParseOr();
            parser.ExpectEnd("AND, OR or the end of the query");
            return expression;
        }

        /// <summary>Parses "select ... from ... [where ...] [order by ...] [limit n]".</summary>
        public static SelectStatement ParseStatement(string text)
        {
            var parser = new OcnqlParser(text);
            var statement = parser.ParseSelect();
            parser.ExpectEnd("AND, OR, WHERE, ORDER BY, LIMIT or the end of the query");
            return statement;
        }

        /// <summary>Parses an order-by list such as "created desc, key".</summary>
        public static IReadOnlyList<OrderByItem> ParseOrderBy(string text)
        {
            var parser = new OcnqlParser(text);
            var items = parser.ParseOrderItems();
            parser.ExpectEnd("',' or the end of the order-by list");
            return items;
        }

        private OcnqlToken Peek => _tokens[_next];

        private OcnqlToken Take() => _tokens[_next++];

        private SelectStatement ParseSelect()
        {
            ExpectKeyword("SELECT");
            List<string>? fields = null;
            if (Peek.Kind == OcnqlTokenKind.Star)
            {
                Take();
            }
            else
            {
                fields = new List<string> { ExpectName("a field name or *") };
                while (Peek.Kind == OcnqlTokenKind.Comma)
                {
                    Take();
                    fields.Add(ExpectName("a field name"));
                }
            }
            ExpectKeyword("FROM");
            var objectName = ExpectName("an object name such as incidents");
            // The vendor's own tests write the limit before the where clause
            // ("select * from contacts limit 100 where id = 12"), so it may come here or last, once.
            var limit = ParseLimit();
            QueryExpression? where = null;
            if (Peek.IsKeyword("WHERE"))
            {
                Take();
                where = ParseOr();
            }
            IReadOnlyList<OrderByItem> orderBy = new OrderByItem[0];
            if (Peek.IsKeyword("ORDER"))
            {
                Take();
                ExpectKeyword("BY");
                orderBy = ParseOrderItems();
            }
            limit ??= ParseLimit();
            return new SelectStatement(fields, objectName, where, orderBy, limit);
        }

        private int? ParseLimit()
        {
            if (!Peek.IsKeyword("LIMIT")) return null;
            Take();
            var token = Take();
            if (token.Kind != OcnqlTokenKind.Number || !int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new OcnqlSyntaxException(token.Position, "a whole number of at least 1 after LIMIT", token.Describe());
            }
            return n;
        }

        private IReadOnlyList<OrderByItem> ParseOrderItems()
        {
            var items = new List<OrderByItem>();
            do
            {
                if (items.Count > 0) Take(); // the comma
                var field = ExpectName("a field name to order by");
                var descending = false;
                if (Peek.IsKeyword("DESC")) { Take(); descending = true; }
                else if (Peek.IsKeyword("ASC")) Take();
                items.Add(new OrderByItem(field, descending));
            }
            while (Peek.Kind == OcnqlTokenKind.Comma);
            return items;
        }

        private QueryExpression ParseOr()
        {
            var left = ParseAnd();
            while (Peek.IsKeyword("OR"))
            {
                Take();
                left = new OrExpression(left, ParseAnd());
            }
            return left;
        }

        private QueryExpression ParseAnd()
        {
            var left = ParseNot();
            while (Peek.IsKeyword("AND"))
            {
                Take();
                left = new AndExpression(left, ParseNot());
            }
            return left;
        }

        private QueryExpression ParseNot()
        {
            if (Peek.IsKeyword("NOT"))
            {
                Take();
                return new NotExpression(ParseNot());
            }
            if (Peek.Kind == OcnqlTokenKind.LeftParen)
            {
                Take();
                var inner = ParseOr();
                Expect(OcnqlTokenKind.RightParen, "')'");
                return inner;
            }
            return ParseComparison();
        }

        private QueryExpression ParseComparison()
        {
            var field = ExpectName("a field name, NOT or '('");
            var token = Take();
            if (token.Kind == OcnqlTokenKind.Operator)
            {
                return new ComparisonExpression(field, OperatorOf(token.Text), new[] { ParseValue() });
            }
            if (token.IsKeyword("LIKE")) return Like(field, ComparisonOperator.Like);
            if (token.IsKeyword("IN")) return new ComparisonExpression(field, ComparisonOperator.In, ParseList());
            if (token.IsKeyword("IS"))
            {
                var negated = Peek.IsKeyword("NOT");
                if (negated) Take();
                ExpectKeyword("NULL");
                return new ComparisonExpression(field, negated ? ComparisonOperator.IsNotNull : ComparisonOperator.IsNull, new QueryValue[0]);
            }
            if (token.IsKeyword("NOT"))
            {
                var next = Take();
                if (next.IsKeyword("LIKE")) return Like(field, ComparisonOperator.NotLike);
                if (next.IsKeyword("IN")) return new ComparisonExpression(field, ComparisonOperator.NotIn, ParseList());
                throw new OcnqlSyntaxException(next.Position, "LIKE or IN after NOT", next.Describe());
            }
            throw new OcnqlSyntaxException(token.Position, "a comparison operator (=, !=, <, <=, >, >=, LIKE, IN, IS)", token.Describe());
        }

        private QueryExpression Like(string field, ComparisonOperator op)
        {
            var token = Take();
            if (token.Kind != OcnqlTokenKind.String) throw new OcnqlSyntaxException(token.Position, "a quoted pattern after LIKE", token.Describe());
            return new ComparisonExpression(field, op, new[] { new QueryValue(token.Text) });
        }

        private IReadOnlyList<QueryValue> ParseList()
        {
            Expect(OcnqlTokenKind.LeftParen, "'(' to start the list");
            var values = new List<QueryValue> { ParseValue() };
            while (Peek.Kind == OcnqlTokenKind.Comma)
            {
                Take();
                values.Add(ParseValue());
            }
            Expect(OcnqlTokenKind.RightParen, "',' or ')' to end the list");
            return values;
        }

        private QueryValue ParseValue()
        {
            var token = Take();
            switch (token.Kind)
            {
                case OcnqlTokenKind.String:
                    return new QueryValue(token.Text);
                case OcnqlTokenKind.Number:
                    // TryParse: a number too large for decimal is the user's syntax error, with a position,
                    // not an OverflowException.
                    if (decimal.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    {
                        return new QueryValue(number);
                    }
                    throw new OcnqlSyntaxException(token.Position, "a number of at most 28 digits", token.Describe());
                default:
                    if (token.IsKeyword("TRUE")) return new QueryValue(true);
                    if (token.IsKeyword("FALSE")) return new QueryValue(false);
                    var hint = token.Kind == OcnqlTokenKind.Identifier && !token.IsKeyword("NULL")
                        ? "a value (strings and dates go in single quotes)"
                        : "a value";
                    throw new OcnqlSyntaxException(token.Position, hint, token.Describe());
            }
        }

        private static ComparisonOperator OperatorOf(string symbol)
        {
            switch (symbol)
            {
                case "=": return ComparisonOperator.Equal;
                case "!=": return ComparisonOperator.NotEqual;
                case "<": return ComparisonOperator.Less;
                case "<=": return ComparisonOperator.LessOrEqual;
                case ">": return ComparisonOperator.Greater;
                default: return ComparisonOperator.GreaterOrEqual;
            }
        }

        private string ExpectName(string expected)
        {
            var token = Take();
            if (token.Kind == OcnqlTokenKind.String)
            {
                // 'Story point estimate' is a value: a name with spaces goes in brackets.
                throw new OcnqlSyntaxException(token.Position, expected + " (a name with spaces goes in square brackets: [" + token.Text + "])", token.Describe());
            }
            if (token.Kind != OcnqlTokenKind.Identifier || (!token.Quoted && OcnqlNames.IsReserved(token.Text)))
            {
                throw new OcnqlSyntaxException(token.Position, expected, token.Describe());
            }
            return token.Text;
        }

        private void ExpectKeyword(string keyword)
        {
            var token = Take();
            if (!token.IsKeyword(keyword)) throw new OcnqlSyntaxException(token.Position, keyword, token.Describe());
        }

        private void Expect(OcnqlTokenKind kind, string expected)
        {
            var token = Take();
            if (token.Kind != kind) throw new OcnqlSyntaxException(token.Position, expected, token.Describe());
        }

        private void ExpectEnd(string expected)
        {
            var token = Peek;
            if (token.Kind != OcnqlTokenKind.End) throw new OcnqlSyntaxException(token.Position, expected, token.Describe());
        }
    }
}
