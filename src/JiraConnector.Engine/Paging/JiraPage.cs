using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>One page as read: its items (each an independent JSON value, so the page's buffer
    /// can be released), the request for the next page (null on the last) and a total when the
    /// endpoint reports one.</summary>
    internal sealed class JiraPage
    {
        public JiraPage(IReadOnlyList<JsonElement> items, JiraRequest? next, long? total)
        {
            Items = items;
            Next = next;
            Total = total;
        }

        public IReadOnlyList<JsonElement> Items { get; }

        public JiraRequest? Next { get; }

        public long? Total { get; }
    }
}
