namespace JiraConnector.Bulk.Sources
{
    /// <summary>The guard against formula injection in CSV files opened by a spreadsheet: a cell
    /// that starts with = + - @ (or tab, carriage return) gets a leading apostrophe, which Excel and
    /// LibreOffice read as "text". The guard is reversible: a cell that already starts with an
    /// apostrophe before one of those is guarded too, so reading strips exactly one apostrophe.</summary>
    internal static class CsvCells
    {
        public static string Escape(string value) => NeedsGuard(value, 0) ? "'" + value : value;

        public static string Unescape(string value) =>
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
