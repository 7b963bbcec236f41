using System;
using System.Collections.Generic;
using System.Linq;
using JiraConnector.Resources;

namespace JiraConnector.Query
{
    /// <summary>Plans a query: for incidents the where clause becomes JQL (exact where it can be),
    /// for every other resource the records are read and the clause is evaluated on the client.</summary>
    internal static class QueryPlanner
    {
        public static QueryPlan Plan(string objectName, QueryExpression? where, IReadOnlyList<OrderByItem>? orderBy,
            IReadOnlyList<string>? select, int? limit, int pageSize, Func<string, string?>? resolveCustomFieldId)
        {
            var resource = ResourceCatalog.Resolve(objectName, allowPassThrough: true);
            var options = new ReadOptions { PageSize = pageSize, ParentId = resource.ParentId };
            orderBy ??= new OrderByItem[0];

            if (resource.Definition.Name == "incidents")
            {
                var translator = new JqlTranslator(resolveCustomFieldId);
                var translation = translator.Translate(where, orderBy);
                // Every selected field is resolved here, on the caller's thread, not while records stream.
                var selectedIds = select == null ? null : translator.JiraFieldIds(select);
                options.Jql = translation.Jql;
                // With a client filter every field may be needed; otherwise ask only for what is shown.
                if (selectedIds != null && translation.IsExact) options.Fields = selectedIds.Where(id => id != "key" && id != "id").DefaultIfEmpty("summary").ToList();
                var fields = translator.Fields;
                return new QueryPlan(resource, options, translation.ClientFilter, record => fields.ReaderFor(record.Json), select,
                    new OrderByItem[0], limit, record => fields.DisplayFor(record.Json)) { Translation = translation };
            }
            Pushdown.Apply(resource.Definition.Name, where, options);
            return new QueryPlan(resource, options, where, RecordFields.ReaderFor, select, orderBy, limit);
        }

        /// <summary>A plan for raw JQL: nothing to translate, nothing left for the client.</summary>
        public static QueryPlan PlanJql(string jql, int pageSize)
        {
            var resource = ResourceCatalog.Resolve("incidents", allowPassThrough: false);
            var options = new ReadOptions { PageSize = pageSize, Jql = jql };
            var fields = new IncidentFields();
            return new QueryPlan(resource, options, null, record => fields.ReaderFor(record.Json), null, new OrderByItem[0], null);
        }
    }
}
