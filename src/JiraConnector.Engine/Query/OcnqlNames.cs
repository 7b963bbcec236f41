namespace JiraConnector.Query
{
    /// <summary>What a bare OCNQL name may be, shared by the parser (which words cannot be bare
    /// field names) and the printer (which names it must back-tick), so that whatever the printer
    /// writes parses back to the same tree.</summary>
    internal static class OcnqlNames
    {
        /// <summary>Only ASCII digits make numbers: char.IsDigit also accepts other scripts' digits,
        /// which decimal.Parse then refuses with an error that has no position.</summary>
        public static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

        /// <summary>Words that cannot be bare field names; back-tick a field that is really called so.</summary>
        public static bool IsReserved(string word)
        {
            switch (word.ToUpperInvariant())
            {
                case "AND": case "OR": case "NOT": case "LIKE": case "IN": case "IS": case "NULL":
                case "SELECT": case "FROM": case "WHERE": case "ORDER": case "BY": case "LIMIT":
                case "TRUE": case "FALSE": case "ASC": case "DESC":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A field name as OCNQL text: bare when it is a plain word, back-ticked when it has
        /// other characters (spaces, dots) or is a keyword. Dotted names are back-ticked although the
        /// tokenizer would take them bare, because that is how the vendor documents them.</summary>
        public static string Format(string field)
        {
            if (field.Length == 0 || IsReserved(field) || !(char.IsLetter(field[0]) || field[0] == '_')) return "`" + field + "`";
            foreach (var c in field)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_')) return "`" + field + "`";
            }
            return field;
        }
    }
}
