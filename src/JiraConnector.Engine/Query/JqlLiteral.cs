using System;
using System.Globalization;
using System.Text;

namespace JiraConnector.Query
{
    /// <summary>Writes values into JQL so that no input can change the query's meaning: every value
    /// is a double-quoted string with \ and " escaped, so quotes, keywords (AND, EMPTY, ORDER BY)
    /// and operators inside it stay text.</summary>
    internal static class JqlLiteral
    {
        public static string String(string value)
        {
            var text = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\\': text.Append("\\\\"); break;
                    case '"': text.Append("\\\""); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (char.IsControl(c))
                        {
                            throw new OcnqlTranslationException($"The value '{value}' holds a control character (U+{(int)c:X4}) that JQL cannot carry.");
                        }
                        text.Append(c);
                        break;
                }
            }
            return text.Append('"').ToString();
        }

        public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>JQL's minute-precision date literal, in UTC.</summary>
        public static string Date(DateTimeOffset value) =>
            "\"" + value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "\"";
    }
}
