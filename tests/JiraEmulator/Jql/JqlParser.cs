namespace JiraEmulator.Jql;

/// <summary>
/// Recursive-descent parser for JQL:
/// <code>
/// query   := [or] [ORDER BY sort (, sort)*]
/// or      := and (OR and)*
/// and     := not (AND not)*
/// not     := NOT not | '(' or ')' | clause
/// clause  := field operator operand
/// </code>
/// Errors carry Jira's wording and the 1-based character position.
/// </summary>
public sealed class JqlParser
{
    private const string ValidOperators = "'=', '!=', '~', '!~', '<', '<=', '>', '>=', 'in', 'not in', 'is' and 'is not'";
    private readonly List<JqlToken> tokens;
    private int index;

    private JqlParser(List<JqlToken> tokens) => this.tokens = tokens;

    public static JqlQuery Parse(string jql) => new JqlParser(JqlTokenizer.Tokenize(jql)).ParseQuery();

    private JqlToken Peek => tokens[index];

    private JqlToken PeekAt(int offset) => tokens[Math.Min(index + offset, tokens.Count - 1)];

    private JqlToken Next() => tokens[index++];

    private JqlQuery ParseQuery()
    {
        JqlNode? where = null;
        if (!AtOrderBy() && Peek.Kind != JqlTokenKind.End) where = ParseOr();

        var order = new List<JqlSort>();
        if (AtOrderBy())
        {
            index += 2;
            while (true)
            {
                var fieldToken = Peek;
                string field = ParseFieldName("Expecting a field name in the ORDER BY clause");
                bool descending = false;
                if (Peek.IsWord("ASC")) index++;
                else if (Peek.IsWord("DESC")) { descending = true; index++; }
                order.Add(new JqlSort(field, descending, fieldToken.Position));
                if (Peek.Kind != JqlTokenKind.Comma) break;
                index++;
            }
        }

        if (Peek.Kind != JqlTokenKind.End)
        {
            throw order.Count > 0
                ? JqlErrors.Syntax($"Expecting either a comma (',') or the end of the query but got '{Peek}'.", Peek.Position)
                : JqlErrors.Syntax($"Expecting either 'OR' or 'AND' but got '{Peek}'.", Peek.Position);
        }
        return new JqlQuery(where, order);
    }

    private bool AtOrderBy() => Peek.IsWord("ORDER") && PeekAt(1).IsWord("BY");

    private JqlNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek.IsWord("OR") || Peek.IsWord("||") || Peek.IsWord("|"))
        {
            index++;
            left = new JqlOr(left, ParseAnd());
        }
        return left;
    }

    private JqlNode ParseAnd()
    {
        var left = ParseNot();
        while (Peek.IsWord("AND") || Peek.IsWord("&&") || Peek.IsWord("&"))
        {
            index++;
            left = new JqlAnd(left, ParseNot());
        }
        return left;
    }

    private JqlNode ParseNot()
    {
        if (Peek.IsWord("NOT"))
        {
            index++;
            return new JqlNot(ParseNot());
        }
        if (Peek.Kind == JqlTokenKind.LeftParen)
        {
            index++;
            var inner = ParseOr();
            if (Peek.Kind != JqlTokenKind.RightParen)
                throw JqlErrors.Syntax($"Expecting ')' but got '{Peek}'.", Peek.Position);
            index++;
            return inner;
        }
        return ParseClause();
    }

    private JqlClause ParseClause()
    {
        var fieldToken = Peek;
        string field = ParseFieldName("Expecting a field name");
        string op = ParseOperator(field);
        JqlOperand operand = op switch
        {
            "IS" or "IS NOT" => ParseEmptyOnly(op),
            "IN" or "NOT IN" => ParseListOrFunction(),
            _ => ParseSingleOperand(),
        };
        return new JqlClause(field, op, operand, fieldToken.Position);
    }

    private string ParseFieldName(string expecting)
    {
        var token = Peek;
        if (token.Kind == JqlTokenKind.QuotedString)
        {
            index++;
            return token.Text;
        }
        if (token.Kind != JqlTokenKind.Word || token.Text.Length == 0)
            throw JqlErrors.Syntax($"{expecting} but got '{token}'.", token.Position);
        if (IsKeyword(token.Text) || JqlReserved.Words.Contains(token.Text))
            throw JqlErrors.Syntax($"'{token.Text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.", token.Position);
        index++;
        return token.Text;
    }

    private string ParseOperator(string field)
    {
        var token = Peek;
        if (token.Kind == JqlTokenKind.Operator)
        {
            index++;
            return token.Text;
        }
        if (token.IsWord("IN")) { index++; return "IN"; }
        if (token.IsWord("NOT") && PeekAt(1).IsWord("IN")) { index += 2; return "NOT IN"; }
        if (token.IsWord("IS"))
        {
            index++;
            if (Peek.IsWord("NOT")) { index++; return "IS NOT"; }
            return "IS";
        }
        if (token.IsWord("WAS") || token.IsWord("CHANGED"))
            throw JqlErrors.Syntax($"The operator '{token.Text.ToUpperInvariant()}' is not supported by this emulator (field '{field}').", token.Position);
        throw JqlErrors.Syntax($"Expecting operator but got '{token}'. The valid operators are {ValidOperators}.", token.Position);
    }

    private JqlOperand ParseEmptyOnly(string op)
    {
        var token = Peek;
        if (token.IsWord("EMPTY") || token.IsWord("NULL"))
        {
            index++;
            return new JqlEmpty();
        }
        throw JqlErrors.Syntax($"Expecting 'EMPTY' or 'NULL' after '{op}' but got '{token}'.", token.Position);
    }

    private JqlOperand ParseListOrFunction()
    {
        var token = Peek;
        if (token.Kind == JqlTokenKind.Word && PeekAt(1).Kind == JqlTokenKind.LeftParen) return ParseFunction();
        if (token.Kind != JqlTokenKind.LeftParen)
            throw JqlErrors.Syntax($"Expecting '(' but got '{token}'.", token.Position);
        index++;
        var items = new List<JqlOperand>();
        while (true)
        {
            items.Add(ParseSingleOperand());
            if (Peek.Kind == JqlTokenKind.Comma) { index++; continue; }
            if (Peek.Kind == JqlTokenKind.RightParen) { index++; break; }
            throw JqlErrors.Syntax($"Expecting ',' or ')' but got '{Peek}'.", Peek.Position);
        }
        return new JqlList(items);
    }

    private JqlOperand ParseSingleOperand()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case JqlTokenKind.QuotedString:
                index++;
                return new JqlValue(token.Text, true, token.Position);
            case JqlTokenKind.Word when token.IsWord("EMPTY") || token.IsWord("NULL"):
                index++;
                return new JqlEmpty();
            case JqlTokenKind.Word when PeekAt(1).Kind == JqlTokenKind.LeftParen && !IsKeyword(token.Text):
                return ParseFunction();
            case JqlTokenKind.Word when !IsKeyword(token.Text):
                if (JqlReserved.Words.Contains(token.Text))
                    throw JqlErrors.Syntax($"'{token.Text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.", token.Position);
                int bad = token.Text.IndexOfAny(JqlReserved.Characters);
                if (bad >= 0)
                    throw JqlErrors.Syntax($"The character '{token.Text[bad]}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u{(int)token.Text[bad]:x4}' instead.", token.Position + bad);
                index++;
                return new JqlValue(token.Text, false, token.Position);
            default:
                throw JqlErrors.Syntax($"Expecting either a value, list or function but got '{token}'. You must surround '{token}' in quotation marks to use it as a value.", token.Position);
        }
    }

    private JqlFunction ParseFunction()
    {
        var name = Next();
        index++; // '('
        var arguments = new List<string>();
        while (Peek.Kind != JqlTokenKind.RightParen)
        {
            var arg = Peek;
            if (arg.Kind is not (JqlTokenKind.Word or JqlTokenKind.QuotedString))
                throw JqlErrors.Syntax($"Expecting a function argument but got '{arg}'.", arg.Position);
            arguments.Add(arg.Text);
            index++;
            if (Peek.Kind == JqlTokenKind.Comma) index++;
            else if (Peek.Kind != JqlTokenKind.RightParen)
                throw JqlErrors.Syntax($"Expecting ',' or ')' but got '{Peek}'.", Peek.Position);
        }
        index++;
        return new JqlFunction(name.Text, arguments, name.Position);
    }

    private static bool IsKeyword(string word) =>
        word.Equals("AND", StringComparison.OrdinalIgnoreCase) || word.Equals("OR", StringComparison.OrdinalIgnoreCase)
        || word.Equals("NOT", StringComparison.OrdinalIgnoreCase) || word.Equals("IN", StringComparison.OrdinalIgnoreCase)
        || word.Equals("IS", StringComparison.OrdinalIgnoreCase) || word.Equals("ORDER", StringComparison.OrdinalIgnoreCase)
        || word is "&&" or "||" or "&" or "|";
}
