using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Query;
using JiraConnector.Resources;
using JiraConnector.Errors;

namespace JiraConnector.Bulk.Download
{
    /// <summary>An OCNQL statement planned for a download: the JQL Jira filters with, and the part
    /// the translator could not express exactly, checked on each incident as it streams past.</summary>
    internal sealed class DownloadQuery
    {
        private readonly JqlTranslator _translator;
        private readonly QueryExpression? _clientFilter;

        private DownloadQuery(SelectStatement statement, JqlTranslator translator, JqlTranslation translation)
        {
            Statement = statement;
            _translator = translator;
            _clientFilter = translation.ClientFilter;
            Jql = translation.Jql;
            Translation = translation;
        }

        /// <summary>The JQL the query became and what the job still checks.</summary>
        public JqlTranslation Translation { get; }

        public SelectStatement Statement { get; }

        public string Jql { get; }

        public bool IsExact => _clientFilter == null;

        /// <summary>The selected field names (null for select *).</summary>
        public IReadOnlyList<string>? Fields => Statement.Fields;

        /// <summary>Parses and translates; throws OcnqlSyntaxException or ArgumentException (a
        /// query Jira cannot run, or an object other than incidents).</summary>
        public static DownloadQuery Plan(string text, FieldCatalog catalog)
        {
            var statement = OcnqlParser.ParseStatement(text);
            if (!string.Equals(statement.ObjectName, "incidents", System.StringComparison.OrdinalIgnoreCase))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.ObjectNotSupported, $"A download reads incidents; '{statement.ObjectName}' can be read with Invoke-JiraQuery.", "Query");
            }
            var translator = new JqlTranslator(catalog.IdForName);
            return new DownloadQuery(statement, translator, translator.Translate(statement.Where, statement.OrderBy));
        }

        public bool Matches(JsonElement issue) => _clientFilter == null || ClientEvaluator.Matches(_clientFilter, _translator.Fields.ReaderFor(issue));
    }
}
