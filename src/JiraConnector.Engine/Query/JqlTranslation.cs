namespace JiraConnector.Query
{
    /// <summary>What the translator produced: the JQL to send (always bounded, with an ORDER BY)
    /// and the condition the client must still check on what comes back, or null when the JQL
    /// selects exactly the right incidents.</summary>
    public sealed class JqlTranslation
    {
        internal JqlTranslation(string jql, QueryExpression? clientFilter)
        {
            Jql = jql;
            ClientFilter = clientFilter;
        }

        public string Jql { get; }

        public QueryExpression? ClientFilter { get; }

        public bool IsExact => ClientFilter == null;

        public override string ToString() => Jql;
    }
}
