namespace JiraConnector.Query
{
    internal enum OcnqlTokenKind
    {
        Identifier,   // a bare or back-ticked name, or a keyword (keywords are checked by text)
        String,       // 'text' with '' for a quote
        Number,
        Operator,     // = != <> < > <= >=
        LeftParen,
        RightParen,
        Comma,
        Star,
        End,
    }

    internal readonly struct OcnqlToken
    {
        public OcnqlToken(OcnqlTokenKind kind, string text, int position, bool quoted = false)
        {
            Kind = kind;
            Text = text;
            Position = position;
            Quoted = quoted;
        }

        public OcnqlTokenKind Kind { get; }

        /// <summary>The name, the string's value (unescaped), the number or the operator.</summary>
        public string Text { get; }

        public int Position { get; }

        /// <summary>A back-ticked name: never a keyword.</summary>
        public bool Quoted { get; }

        public bool IsKeyword(string keyword) =>
            Kind == OcnqlTokenKind.Identifier && !Quoted && string.Equals(Text, keyword, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>How the token reads in an error message.</summary>
        public string Describe()
        {
            switch (Kind)
            {
                case OcnqlTokenKind.End: return "the end of the query";
                case OcnqlTokenKind.String: return "'" + Text.Replace("'", "''") + "'";
                case OcnqlTokenKind.Identifier: return Quoted ? "`" + Text + "`" : "'" + Text + "'";
                default: return "'" + Text + "'";
            }
        }
    }
}
