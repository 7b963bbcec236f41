using System.Collections.Generic;
using System.Text;

namespace JiraConnector.Query
{
    /// <summary>Splits an OCNQL text into tokens, each with its position for error messages.</summary>
    internal static class OcnqlTokenizer
    {
        public static List<OcnqlToken> Tokenize(string text)
        {
            var tokens = new List<OcnqlToken>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                var start = i;
                if (c == '\'') tokens.Add(ReadString(text, ref i));
                else if (c == '`') tokens.Add(ReadQuotedName(text, ref i, '`'));
                else if (c == '[') tokens.Add(ReadQuotedName(text, ref i, ']'));
                else if (OcnqlNames.IsAsciiDigit(c) || ((c == '-' || c == '.') && OcnqlNames.IsAsciiDigit(Next(text, i))))
                {
                    tokens.Add(ReadNumber(text, ref i));
                }
                else if (char.IsLetter(c) || c == '_') tokens.Add(ReadName(text, ref i));
                else if (c == '(') { tokens.Add(new OcnqlToken(OcnqlTokenKind.LeftParen, "(", start)); i++; }
                else if (c == ')') { tokens.Add(new OcnqlToken(OcnqlTokenKind.RightParen, ")", start)); i++; }
                else if (c == ',') { tokens.Add(new OcnqlToken(OcnqlTokenKind.Comma, ",", start)); i++; }
                else if (c == '*') { tokens.Add(new OcnqlToken(OcnqlTokenKind.Star, "*", start)); i++; }
                else if (c == '=' ) { tokens.Add(new OcnqlToken(OcnqlTokenKind.Operator, "=", start)); i++; }
                else if (c == '!' && Next(text, i) == '=') { tokens.Add(new OcnqlToken(OcnqlTokenKind.Operator, "!=", start)); i += 2; }
                else if (c == '<' && Next(text, i) == '>') { tokens.Add(new OcnqlToken(OcnqlTokenKind.Operator, "!=", start)); i += 2; }
                else if (c == '<' || c == '>')
                {
                    var op = Next(text, i) == '=' ? c + "=" : c.ToString();
                    tokens.Add(new OcnqlToken(OcnqlTokenKind.Operator, op, start));
                    i += op.Length;
                }
                else throw new OcnqlSyntaxException(start, "a field, a value or an operator", "'" + c + "'");
            }
            tokens.Add(new OcnqlToken(OcnqlTokenKind.End, string.Empty, text.Length));
            return tokens;
        }

        private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

        private static OcnqlToken ReadString(string text, ref int i)
        {
            var start = i++;
            var value = new StringBuilder();
            while (i < text.Length)
            {
                if (text[i] == '\'')
                {
                    // '' inside a string is one quote; a single quote ends it.
                    if (Next(text, i) == '\'') { value.Append('\''); i += 2; continue; }
                    i++;
                    return new OcnqlToken(OcnqlTokenKind.String, value.ToString(), start);
                }
                value.Append(text[i++]);
            }
            throw new OcnqlSyntaxException(text.Length, "a closing ' for the string that starts at position " + start, "the end of the query");
        }

        /// <summary>A name in back-ticks (the vendor's form, for dotted names) or in square brackets
        /// ([Story point estimate]: the form for names with spaces, which a double-quoted PowerShell
        /// string leaves alone, where it would take a back-tick as its escape character).</summary>
        private static OcnqlToken ReadQuotedName(string text, ref int i, char closing)
        {
            var start = i++;
            var close = text.IndexOf(closing, i);
            if (close < 0) throw new OcnqlSyntaxException(text.Length, $"a closing {closing} for the name that starts at position {start}", "the end of the query");
            var name = text.Substring(i, close - i);
            if (name.Trim().Length == 0) throw new OcnqlSyntaxException(start, "a field name between the " + (closing == '`' ? "back-ticks" : "brackets"), text.Substring(start, close - start + 1));
            name = closing == ']' ? name.Trim() : name;
            i = close + 1;
            return new OcnqlToken(OcnqlTokenKind.Identifier, name, start, quoted: true);
        }

        private static OcnqlToken ReadNumber(string text, ref int i)
        {
            var start = i;
            if (text[i] == '-') i++;
            var dot = false;
            while (i < text.Length && (OcnqlNames.IsAsciiDigit(text[i]) || (text[i] == '.' && !dot)))
            {
                if (text[i] == '.') dot = true;
                i++;
            }
            if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
            {
                throw new OcnqlSyntaxException(start, "a number or a name that starts with a letter", "'" + text.Substring(start, i - start + 1) + "'");
            }
            if (i < text.Length && (text[i] == '-' || text[i] == ':') && OcnqlNames.IsAsciiDigit(Next(text, i)))
            {
                // 2026-01-02 or 10:30 without quotes: say so here rather than fail on the "-01" that follows.
                var end = i;
                while (end < text.Length && (OcnqlNames.IsAsciiDigit(text[end]) || "-:.T+Z".IndexOf(text[end]) >= 0)) end++;
                throw new OcnqlSyntaxException(start, "a value (dates go in single quotes: '" + text.Substring(start, end - start) + "')",
                    "'" + text.Substring(start, end - start) + "'");
            }
            return new OcnqlToken(OcnqlTokenKind.Number, text.Substring(start, i - start), start);
        }

        private static OcnqlToken ReadName(string text, ref int i)
        {
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' || text[i] == '-' || text[i] == '/'))
            {
                i++;
            }
            // cf[10016], JQL's name for a custom field by number.
            if (i - start == 2 && string.Compare(text, start, "cf", 0, 2, System.StringComparison.OrdinalIgnoreCase) == 0 && i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                var digits = close < 0 ? string.Empty : text.Substring(i + 1, close - i - 1);
                if (digits.Length == 0 || !IsDigits(digits)) throw new OcnqlSyntaxException(i, "a custom field number such as cf[10016]", close < 0 ? "the end of the query" : "'" + text.Substring(start, close - start + 1) + "'");
                i = close + 1;
                return new OcnqlToken(OcnqlTokenKind.Identifier, "cf[" + digits + "]", start, quoted: true);
            }
            return new OcnqlToken(OcnqlTokenKind.Identifier, text.Substring(start, i - start), start);
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (!OcnqlNames.IsAsciiDigit(c)) return false;
            }
            return true;
        }
    }
}
