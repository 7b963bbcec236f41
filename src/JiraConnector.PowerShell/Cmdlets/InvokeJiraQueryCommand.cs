using System;
using System.Management.Automation;
using JiraConnector.Http;
using JiraConnector.Query;
using JiraConnector.Resources;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Runs an OCNQL query (a where clause, or a whole select statement) or raw JQL, and
    /// streams the matching records page by page.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "JiraQuery", SupportsPaging = true, DefaultParameterSetName = WhereSet)]
    [OutputType(typeof(Incident), typeof(JiraRecord), typeof(PSObject))]
    public sealed class InvokeJiraQueryCommand : JiraReadCmdlet
    {
        private const string WhereSet = "Where";
        private const string QuerySet = "Query";
        private const string JqlSet = "Jql";

        /// <summary>The resource to query, e.g. incidents, projects or contacts.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = WhereSet)]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = string.Empty;

        /// <summary>An OCNQL condition, e.g. "status = 'Done' AND labels IN ('ops')".</summary>
        [Parameter(Position = 1, ParameterSetName = WhereSet)]
        public string? Where { get; set; }

        /// <summary>Sort order, e.g. "created desc, key".</summary>
        [Parameter(ParameterSetName = WhereSet)]
        public string? OrderBy { get; set; }

        /// <summary>Only these fields, as properties of plain objects (like SELECT a, b).</summary>
        [Parameter(ParameterSetName = WhereSet)]
        [ArgumentCompleter(typeof(FieldNameCompleter))]
        public string[]? Fields { get; set; }

        /// <summary>A whole statement: select &lt;fields|*&gt; from &lt;object&gt; [where ...] [order by ...] [limit n].</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = QuerySet)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = string.Empty;

        /// <summary>Raw JQL for incidents, sent as it is.</summary>
        [Parameter(Mandatory = true, ParameterSetName = JqlSet)]
        [ValidateNotNullOrEmpty]
        public string Jql { get; set; } = string.Empty;

        /// <summary>Incidents: how many requests the read runs at once (default 4; 1 reads page after
        /// page). Records still come in the query's order; fewer run at once while Jira signals its rate limit.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = ReadOptions.DefaultConcurrency;

        protected override void ProcessRecord()
        {
            var instance = ResolveInstance();
            QueryPlan plan;
            try
            {
                plan = BuildPlan(instance);
            }
            catch (OcnqlSyntaxException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, QueryText));
                return;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, QueryText));
                return;
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, QueryText);
                return;
            }

            plan.Options.Concurrency = ThrottleLimit;
            if (plan.Translation != null)
            {
                WriteVerbose(plan.Translation.Describe("the client"));
                // Verbose is not enough here: the whole site is about to be read.
                if (plan.Translation.NoFilterWarning is string warning) WriteWarning(warning);
            }
            else if (plan.Options.Jql != null)
            {
                WriteVerbose("JQL: " + plan.Options.Jql);
            }

            if (NextPage && !HasNextPage(instance, plan.Resource.CursorKey, QueryText)) return;
            WriteRecords(QueryReads.Open(instance, plan, Range, NextPage, Trace, CancellationToken), QueryText);
        }

        private string QueryText => ParameterSetName == QuerySet ? Query : ParameterSetName == JqlSet ? Jql : Where ?? Object;

        private QueryPlan BuildPlan(JiraInstance instance)
        {
            if (ParameterSetName == JqlSet) return QueryPlanner.PlanJql(Jql, PageSize);
            Func<string, string?> customFields = name => CustomFieldId(instance, name);
            if (ParameterSetName == QuerySet)
            {
                var statement = OcnqlParser.ParseStatement(Query);
                return QueryPlanner.Plan(statement.ObjectName, statement.Where, statement.OrderBy, statement.Fields, statement.Limit, PageSize, customFields);
            }
            var where = string.IsNullOrWhiteSpace(Where) ? null : OcnqlParser.ParseWhere(Where!);
            var order = string.IsNullOrWhiteSpace(OrderBy) ? null : OcnqlParser.ParseOrderBy(OrderBy!);
            return QueryPlanner.Plan(Object, where, order, Fields, null, PageSize, customFields);
        }

        /// <summary>Custom fields by display name, from the instance's field catalog (read once).</summary>
        private string? CustomFieldId(JiraInstance instance, string name)
        {
            return Await(FieldCatalog.ForAsync(instance, Trace, CancellationToken)).IdForName(name);
        }
    }
}
