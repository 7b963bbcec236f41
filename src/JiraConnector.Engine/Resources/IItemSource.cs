using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using JiraConnector.Http;

namespace JiraConnector.Resources
{
    /// <summary>A read that a single paging style cannot express (one page needing two requests).</summary>
    internal interface IItemSource
    {
        IAsyncEnumerable<JsonElement> ReadAsync(JiraHttpClient client, IJiraTrace? trace, CancellationToken cancellationToken);
    }
}
