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

        public static string Escape(string value) => AnyValueNeedsLooking(value) ? EachValue(value, escape: true) : value;

        public static string Unescape(string value) => AnyValueNeedsLooking(value) ? EachValue(value, escape: false) : value;

        /// <summary>Whether a value of the cell starts with a trigger or an apostrophe: only those
        /// can change, so the rest (nearly every cell) is passed on as it is, nothing allocated.</summary>
        private static bool AnyValueNeedsLooking(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if ((i == 0 || value[i - 1] == Separator) && (IsTrigger(value[i]) || value[i] == '\'')) return true;
            }
            return false;
        }

        private static string EachValue(string value, bool escape)
        {
            if (value.IndexOf(Separator) < 0) return escape ? EscapeOne(value) : UnescapeOne(value);
            var values = value.Split(Separator);
            for (var i = 0; i < values.Length; i++) values[i] = escape ? EscapeOne(values[i]) : UnescapeOne(values[i]);
            return string.Join(Separator.ToString(), values);
        }

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
