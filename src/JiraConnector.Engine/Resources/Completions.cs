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
    }
}
