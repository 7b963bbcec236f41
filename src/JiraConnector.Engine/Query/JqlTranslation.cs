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

        /// <summary>True when nothing of the clause could go to Jira: the JQL only says "every
        /// issue", so the whole site is read and every record checked on the client.</summary>
        public bool HasNoFilter => ClientFilter != null && Jql.StartsWith(JqlTranslator.EveryIssue + " ORDER BY", System.StringComparison.Ordinal);

        /// <summary>The JQL sent and, in parentheses so that its grouping reads as one condition,
        /// what <paramref name="checker"/> still checks on each record that comes back.</summary>
        public string Describe(string checker) =>
            "JQL: " + Jql + (ClientFilter == null ? string.Empty : $"; {checker} checks ({ClientFilter}) on each incident Jira returns");

        /// <summary>What to warn about when <see cref="HasNoFilter"/>; null otherwise.</summary>
        public string? NoFilterWarning => HasNoFilter
            ? $"The JQL sent ({Jql}) has no filter left: every incident of the site is read, and ({ClientFilter}) is checked on each one here. " +
              "Add a condition Jira can check, such as project = 'OPS' or status = 'Done', to narrow it."
            : null;

        public override string ToString() => Jql;
    }
}
