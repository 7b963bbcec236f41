using System.Globalization;
using System.Text;

namespace JiraEmulator.Jql;

/// <summary>
/// Splits JQL into tokens. Quoted strings use double or single quotes with backslash escapes, as in Jira.
/// A word runs until whitespace or one of = ! &lt; &gt; ~ ( ) , " ' so field names such as cf[10016]
/// and issue.property[a].b stay one token.
/// </summary>
public static class JqlTokenizer
{
    public static List<JqlToken> Tokenize(string jql)
    {
        var tokens = new List<JqlToken>();
        int i = 0;
        while (i < jql.Length)
        {
            char c = jql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int position = i + 1;
            switch (c)
            {
                case '(': tokens.Add(new(JqlTokenKind.LeftParen, "(", position)); i++; continue;
                case ')': tokens.Add(new(JqlTokenKind.RightParen, ")", position)); i++; continue;
                case ',': tokens.Add(new(JqlTokenKind.Comma, ",", position)); i++; continue;
                case '"' or '\'': tokens.Add(ReadQuoted(jql, ref i)); continue;
                case '=' or '~': tokens.Add(new(JqlTokenKind.Operator, c.ToString(), position)); i++; continue;
                case '<' or '>':
                    if (i + 1 < jql.Length && jql[i + 1] == '=') { tokens.Add(new(JqlTokenKind.Operator, $"{c}=", position)); i += 2; }
                    else { tokens.Add(new(JqlTokenKind.Operator, c.ToString(), position)); i++; }
                    continue;
                case '!':
                    if (i + 1 < jql.Length && jql[i + 1] is '=' or '~') { tokens.Add(new(JqlTokenKind.Operator, jql.Substring(i, 2), position)); i += 2; continue; }
                    // A bare '!' is Jira's shorthand for NOT.
                    tokens.Add(new(JqlTokenKind.Word, "NOT", position)); i++; continue;
            }
            int start = i;
            var word = new StringBuilder();
            while (i < jql.Length && !char.IsWhiteSpace(jql[i]) && jql[i] is not ('=' or '!' or '<' or '>' or '~' or '(' or ')' or ',' or '"' or '\''))
            {
                if (jql[i] == '\\') { word.Append(ReadEscape(jql, ref i)); continue; }
                word.Append(jql[i]);
                i++;
            }
            tokens.Add(new(JqlTokenKind.Word, word.ToString(), start + 1));
        }
        tokens.Add(new(JqlTokenKind.End, "", jql.Length + 1));
        return tokens;
    }

    private static JqlToken ReadQuoted(string jql, ref int i)
    {
        char quote = jql[i];
        int position = i + 1;
        i++;
        var text = new StringBuilder();
        while (i < jql.Length && jql[i] != quote)
        {
            if (jql[i] == '\\') { text.Append(ReadEscape(jql, ref i)); continue; }
            if (jql[i] is '\n' or '\r')
                throw JqlErrors.Syntax($"The quoted string '{text}' has not been completed.", position);
            text.Append(jql[i]);
            i++;
        }
        if (i >= jql.Length) throw JqlErrors.Syntax($"The quoted string '{text}' has not been completed.", position);
        i++;
        return new JqlToken(JqlTokenKind.QuotedString, text.ToString(), position);
    }

    /// <summary>Reads \", \', \\, \n, \t, \r, \uXXXX, and "\ " (an escaped space), as Jira accepts.</summary>
    private static string ReadEscape(string jql, ref int i)
    {
        int position = i + 1;
        if (i + 1 >= jql.Length) throw JqlErrors.Syntax("The escape sequence '\\' is not complete.", position);
        char next = jql[i + 1];
        i += 2;
        switch (next)
        {
            case '"' or '\'' or '\\' or ' ': return next.ToString();
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'u':
                if (i + 4 <= jql.Length && int.TryParse(jql.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                {
                    i += 4;
                    return ((char)code).ToString();
                }
                throw JqlErrors.Syntax("The escape sequence '\\u' must be followed by four hexadecimal digits.", position);
            default:
                throw JqlErrors.Syntax($"The escape sequence '\\{next}' is not valid.", position);
        }
    }
}
