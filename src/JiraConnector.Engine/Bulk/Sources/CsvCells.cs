namespace JiraConnector.Bulk.Sources
{
    /// <summary>The guard against formula injection in CSV files opened by a spreadsheet: a cell
    /// that starts with = + - @ (or tab, carriage return) gets a leading apostrophe, which Excel and
    /// LibreOffice read as "text". The guard is reversible: a cell that already starts with an
    /// apostrophe before one of those is guarded too, so reading strips exactly one apostrophe.
    /// Each ';'-separated value of a cell is guarded on its own: lists are written that way, and
    /// a spreadsheet told to split on ';' would see a formula in the second value.</summary>
    internal static class CsvCells
    {
        private const char ValueSeparator = Upload.ColumnPath.MultiValueSeparator;

        public static string Escape(string value) => EachValue(value, part => NeedsGuard(part, 0) ? "'" + part : part);

        public static string Unescape(string value) =>
            EachValue(value, part => part.Length > 1 && part[0] == '\'' && NeedsGuard(part, 1) ? part.Substring(1) : part);

        private static string EachValue(string value, System.Func<string, string> guard)
        {
            if (value.IndexOf(ValueSeparator) < 0) return guard(value);
            var parts = value.Split(ValueSeparator);
            for (var i = 0; i < parts.Length; i++) parts[i] = guard(parts[i]);
            return string.Join(ValueSeparator.ToString(), parts);
        }

        private static bool NeedsGuard(string value, int at)
        {
            if (value.Length <= at) return false;
            if (IsTrigger(value[at])) return true;
            return value[at] == '\'' && value.Length > at + 1 && (IsTrigger(value[at + 1]) || value[at + 1] == '\'') && NeedsGuard(value, at + 1);
        }

        private static bool IsTrigger(char c) => c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
