using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>What the module's argument completers offer, read from Jira. Each returns
    /// (value, description) pairs; the completers add the wildcard match and the time limit.</summary>
    internal static class Completions
    {
        /// <summary>Project keys with their names, from project/search ordered by key.</summary>
        public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ProjectKeysAsync(JiraInstance instance, CancellationToken cancellationToken)
        {
            var request = Rest.Get(instance, "project/search", new QueryString().Add("maxResults", 100).Add("orderBy", "key"));
            using var document = await instance.Client.GetJsonAsync(request, null, cancellationToken).ConfigureAwait(false);
            return PageItems.AtPath(document.RootElement, new[] { "values" })
                .Select(p => new KeyValuePair<string, string>(JsonRead.String(p, "key") ?? string.Empty, JsonRead.String(p, "name") ?? string.Empty))
                .ToList();
        }

        /// <summary>Issue keys that start with (or whose summary has the words of) what was typed,
        /// with their summaries, from issue/picker over every issue the caller can see.</summary>
        public static async Task<IReadOnlyList<KeyValuePair<string, string>>> IssueKeysAsync(JiraInstance instance, string typed, CancellationToken cancellationToken)
        {
            var request = Rest.Get(instance, "issue/picker", new QueryString().Add("query", typed)
                .Add("currentJQL", IncidentResources.AllIncidentsJql).Add("showSubTasks", "true"));
            using var document = await instance.Client.GetJsonAsync(request, null, cancellationToken).ConfigureAwait(false);
            return PageItems.AtPath(document.RootElement, new[] { "sections" })
                .SelectMany(section => PageItems.AtPath(section, new[] { "issues" }))
                .Select(i => new KeyValuePair<string, string>(JsonRead.String(i, "key") ?? string.Empty, JsonRead.String(i, "summaryText") ?? string.Empty))
                .Where(p => p.Key.Length > 0)
                .GroupBy(p => p.Key).Select(g => g.First())
                .ToList();
        }

        /// <summary>The statuses an issue can move to now, with the transition that leads there.</summary>
        public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReachableStatusesAsync(JiraInstance instance, string issue, CancellationToken cancellationToken)
        {
            var transitions = ResourceCatalog.Get("incidents/{id}/transitions");
            var request = transitions.Paging(instance, new ReadOptions { ParentId = issue }).FirstRequest;
            using var document = await instance.Client.GetJsonAsync(request, null, cancellationToken).ConfigureAwait(false);
            return PageItems.AtPath(document.RootElement, new[] { "transitions" })
                .Select(t => new KeyValuePair<string, string>(JsonRead.Name(t, "to") ?? string.Empty, JsonRead.String(t, "name") ?? string.Empty))
                .Where(p => p.Key.Length > 0)
                .GroupBy(p => p.Key).Select(g => g.First())
                .ToList();
        }
    }
}
