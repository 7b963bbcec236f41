using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;

namespace JiraConnector.Query
{
    /// <summary>Runs a planned query as a record stream: paged with the client's filter and
    /// projection, or, for resources whose endpoints cannot sort, read whole and sorted here.</summary>
    internal static class QueryReads
    {
        /// <summary>The query's records; <paramref name="continuing"/> goes on from where the
        /// instance's last read stopped (-NextPage) instead of from the start.</summary>
        public static RecordStream Open(JiraInstance instance, QueryPlan plan, ReadRange range, bool continuing, IJiraTrace? trace,
            CancellationToken cancellationToken)
        {
            var definition = plan.Resource.Bind();
            var start = (continuing ? instance.CursorFor(definition.CursorKey) : null) ?? PageCursor.Start(definition.Paging(instance, plan.Options));
            var limit = plan.Limit == null ? ulong.MaxValue : (ulong)plan.Limit.Value;
            if (plan.ClientOrder.Count > 0) return Sorted(instance, plan, definition, start, range, limit, trace, cancellationToken);
            return RecordStreams.Paged(instance, definition, start, new RecordSelection
            {
                Filter = plan.IsExact ? null : (Func<JiraRecord, bool>)plan.Matches,
                Project = plan.Select == null ? null : (Func<JiraRecord, object>)plan.Project,
                Total = endpointTotal => TotalAsync(instance, plan, endpointTotal, trace, cancellationToken),
                Limit = limit,
            }, range, trace, cancellationToken);
        }

        /// <summary>Incidents are counted as IncidentCount does (approximate-count on Cloud); other
        /// resources by the endpoint's total. Either is only an estimate when the client filters further.</summary>
        private static Task<RecordTotal> TotalAsync(JiraInstance instance, QueryPlan plan, long? endpointTotal, IJiraTrace? trace,
            CancellationToken cancellationToken) =>
            plan.Resource.Definition.Name == "incidents"
                ? IncidentCount.TotalAsync(instance, plan.Options.Jql, endpointTotal, plan.IsExact, trace, cancellationToken)
                : Task.FromResult(new RecordTotal(endpointTotal, plan.IsExact ? 1.0 : 0.5));

        /// <summary>Reads every match, sorts on the client, then streams the sorted page. These lists
        /// are small (projects, users, groups, schemes), so holding them is fine.</summary>
        private static RecordStream Sorted(JiraInstance instance, QueryPlan plan, ResourceDefinition definition, PageCursor start, ReadRange range,
            ulong limit, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var matches = new List<JiraRecord>();
            var records = SortedAsync(instance, plan, definition, start, matches, trace, cancellationToken);
            return new RecordStream(records.GetAsyncEnumerator(cancellationToken), range.Skip, Math.Min(range.First, limit),
                () => Task.FromResult(new RecordTotal(matches.Count, 1.0)));
        }

        private static async IAsyncEnumerable<object> SortedAsync(JiraInstance instance, QueryPlan plan, ResourceDefinition definition, PageCursor start,
            List<JiraRecord> matches, IJiraTrace? trace, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var reader = start.Style.CreateReader(instance.Client, trace);
            await foreach (var item in reader.ReadAsync(start, cancellationToken).ConfigureAwait(false))
            {
                var record = definition.Shape(item, instance.Name);
                if (plan.Matches(record)) matches.Add(record);
            }
            foreach (var record in plan.SortOnClient(matches)) yield return plan.Project(record);
        }
    }
}
