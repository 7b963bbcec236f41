using System;
using System.Linq;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>The guard against formula injection in CSV files opened by a spreadsheet: a cell
    /// that starts with = + - @ (or tab, carriage return) gets a leading apostrophe, which Excel and
    /// LibreOffice read as "text". The guard is reversible: a cell that already starts with an
    /// apostrophe before one of those is guarded too, so reading strips exactly one apostrophe.
    /// Each value of a multi-value cell ("a;=1+1") is guarded on its own: a spreadsheet that splits
    /// on ';' would otherwise see the formula.</summary>
    internal static class CsvCells
    {
        private const char Separator = Upload.ColumnPath.MultiValueSeparator;

        public static string Escape(string value) => EachValue(value, EscapeOne);

        public static string Unescape(string value) => EachValue(value, UnescapeOne);

        private static string EachValue(string value, Func<string, string> apply) =>
            value.IndexOf(Separator) < 0 ? apply(value) : string.Join(Separator.ToString(), value.Split(Separator).Select(apply));

        private static string EscapeOne(string value) => NeedsGuard(value, 0) ? "'" + value : value;

        private static string UnescapeOne(string value) =>
            value.Length > 1 && value[0] == '\'' && NeedsGuard(value, 1) ? value.Substring(1) : value;

        private static bool NeedsGuard(string value, int at)
        {
            if (value.Length <= at) return false;
            if (IsTrigger(value[at])) return true;
            return value[at] == '\'' && value.Length > at + 1 && (IsTrigger(value[at + 1]) || value[at + 1] == '\'') && NeedsGuard(value, at + 1);
        }

        private static bool IsTrigger(char c) => c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
