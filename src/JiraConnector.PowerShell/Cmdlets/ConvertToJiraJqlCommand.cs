using System;
using System.Management.Automation;
using JiraConnector.Http;
using JiraConnector.Query;
using JiraConnector.Resources;
using JiraConnector.Adapters;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Shows the JQL that an OCNQL query on incidents becomes, and what the client still
    /// checks after Jira answers. Sends nothing to Jira unless a custom field is named by its
    /// display name (then the field list is read once).</summary>
    [Cmdlet(VerbsData.ConvertTo, "JiraJql", DefaultParameterSetName = WhereSet)]
    [OutputType(typeof(PSObject))]
    public sealed class ConvertToJiraJqlCommand : JiraCmdlet
    {
        private const string WhereSet = "Where";
        private const string QuerySet = "Query";

        /// <summary>An OCNQL condition on incidents, e.g. "status = 'Done' AND summary LIKE 'disk%'".</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = WhereSet)]
        public string? Where { get; set; }

        /// <summary>Sort order, e.g. "created desc".</summary>
        [Parameter(ParameterSetName = WhereSet)]
        public string? OrderBy { get; set; }

        /// <summary>A whole statement: select ... from incidents [where ...] [order by ...] [limit n].</summary>
        [Parameter(Mandatory = true, ParameterSetName = QuerySet)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = string.Empty;

        /// <summary>The instance whose custom field names to resolve; the default one if connected.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string? Instance { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                QueryExpression? where;
                System.Collections.Generic.IReadOnlyList<OrderByItem>? order;
                if (ParameterSetName == QuerySet)
                {
                    var statement = OcnqlParser.ParseStatement(Query);
                    if (!string.Equals(statement.ObjectName, "incidents", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new OcnqlTranslationException($"Only incidents are queried with JQL; {statement.ObjectName} is filtered on the client.");
                    }
                    where = statement.Where;
                    order = statement.OrderBy;
                }
                else
                {
                    where = string.IsNullOrWhiteSpace(Where) ? null : OcnqlParser.ParseWhere(Where!);
                    order = string.IsNullOrWhiteSpace(OrderBy) ? null : OcnqlParser.ParseOrderBy(OrderBy!);
                }
                var translation = new JqlTranslator(CustomFieldId).Translate(where, order);
                var result = new PSObject();
                result.TypeNames.Insert(0, "JiraConnector.JqlTranslation");
                result.Properties.Add(new PSNoteProperty("Jql", translation.Jql));
                result.Properties.Add(new PSNoteProperty("IsExact", translation.IsExact));
                result.Properties.Add(new PSNoteProperty("ClientFilter", translation.ClientFilter?.ToString()));
                if (translation.NoFilterWarning is string warning) WriteWarning(warning);
                WriteObject(result);
            }
            catch (OcnqlSyntaxException ex)
            {
                WriteError(ErrorRecords.From(ex, Where ?? Query));
            }
            catch (OcnqlTranslationException ex)
            {
                WriteError(ErrorRecords.From(ex, Where ?? Query));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Where ?? Query);
            }
        }

        private string? CustomFieldId(string name)
        {
            var session = SessionRegistry.Current;
            var instance = Instance == null ? session.Default : session.Find(Instance);
            if (instance == null) return null;
            return Await(FieldCatalog.ForAsync(instance, Trace, CancellationToken)).IdForName(name);
        }
    }
}
