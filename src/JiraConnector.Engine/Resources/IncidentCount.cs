using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>How many incidents a read has, for -IncludeTotalCount. Cloud's search/jql pages
    /// carry no total, so Cloud is asked search/approximate-count for the JQL; Data Center's search
    /// pages carry the exact total. Get-JiraObject and Invoke-JiraQuery both count here.</summary>
    internal static class IncidentCount
    {
        /// <summary>The count of <paramref name="jql"/>'s incidents. <paramref name="endpointTotal"/> is
        /// the total the search pages reported (Data Center); <paramref name="exact"/> is false when
        /// the client filters what Jira returns, and any count is then an estimate.</summary>
        public static async Task<RecordTotal> TotalAsync(JiraInstance instance, string? jql, long? endpointTotal, bool exact, IJiraTrace? trace,
            CancellationToken cancellationToken)
        {
            if (instance.Deployment != JiraDeployment.Cloud) return new RecordTotal(endpointTotal, endpointTotal == null ? 0.0 : exact ? 1.0 : 0.5);
            var query = string.IsNullOrWhiteSpace(jql) ? IncidentResources.AllIncidentsJql : jql!;
            // approximate-count takes no ORDER BY.
            var order = query.IndexOf(" ORDER BY ", StringComparison.OrdinalIgnoreCase);
            var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["jql"] = order < 0 ? query : query.Substring(0, order) });
            var request = new JiraRequest(HttpMethod.Post, instance.RestPath + "search/approximate-count", body, safeToRepeat: true);
            using var answer = await instance.Client.GetJsonAsync(request, trace, cancellationToken).ConfigureAwait(false);
            return new RecordTotal(JsonRead.Int64(answer.RootElement, "count"), exact ? 0.99 : 0.5);
        }

        /// <summary>What a plain read of incidents adds to its paged stream: this count.</summary>
        public static RecordSelection Selection(JiraInstance instance, ReadOptions options, IJiraTrace? trace, CancellationToken cancellationToken) =>
            new RecordSelection { Total = endpointTotal => TotalAsync(instance, options.Jql, endpointTotal, exact: true, trace, cancellationToken) };
    }
}
