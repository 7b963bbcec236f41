using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>The normalized resources and the Jira endpoints behind them.</summary>
    internal static class ResourceCatalog
    {
        /// <summary>Cloud's search/jql refuses a query without a restriction, so "everything" is
        /// spelled as a restriction every issue meets, in a stable order for paging.</summary>
        public const string AllIncidentsJql = "project IS NOT EMPTY ORDER BY key ASC";

        // search/jql serves up to 100 issues a page with all fields; search (offset) up to 1000 on DC.
        private const int MaxIssuePage = 100;
        private const int MaxProjectPage = 100;

        private static readonly Dictionary<string, ResourceDefinition> Definitions = new[]
        {
            new ResourceDefinition("incidents", "search/jql (Cloud), search (Data Center)", IncidentPaging, (json, instance) => new Incident(json, instance)),
            new ResourceDefinition("projects", "project/search", ProjectPaging, (json, instance) => new Project(json, instance)),
        }.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

        public static IReadOnlyCollection<string> Names => Definitions.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();

        public static ResourceDefinition Get(string name)
        {
            if (name != null && Definitions.TryGetValue(name.Trim(), out var definition)) return definition;
            throw new ArgumentException($"'{name}' is not a resource this module knows. Valid names: {string.Join(", ", Names)}.", "Object");
        }

        private static PagingStyle IncidentPaging(JiraInstance instance, ReadOptions options)
        {
            var jql = string.IsNullOrWhiteSpace(options.Jql) ? AllIncidentsJql : options.Jql!;
            var pageSize = Math.Min(options.PageSize, MaxIssuePage);
            if (instance.Deployment == JiraDeployment.Cloud)
            {
                return new TokenPaging(token => new JiraRequest(HttpMethod.Get, new QueryString()
                    .Add("jql", jql).Add("maxResults", pageSize).Add("fields", "*navigable").Add("nextPageToken", token)
                    .AppendTo(instance.RestPath + "search/jql")));
            }
            return new OffsetPaging(startAt => new JiraRequest(HttpMethod.Get, new QueryString()
                .Add("jql", jql).Add("startAt", startAt).Add("maxResults", pageSize).Add("fields", "*navigable")
                .AppendTo(instance.RestPath + "search")), "issues");
        }

        private static PagingStyle ProjectPaging(JiraInstance instance, ReadOptions options)
        {
            var pageSize = Math.Min(options.PageSize, MaxProjectPage);
            return new OffsetPaging(startAt => new JiraRequest(HttpMethod.Get, new QueryString()
                .Add("startAt", startAt).Add("maxResults", pageSize).Add("orderBy", "key")
                .AppendTo(instance.RestPath + "project/search")), "values");
        }
    }
}
