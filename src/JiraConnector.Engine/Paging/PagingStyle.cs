using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>How one endpoint pages: the first request, and how to read a page's items and the
    /// request for the next one out of an answer. Jira has five styles (see jira-rest-contract.md).</summary>
    internal abstract class PagingStyle
    {
        public abstract JiraRequest FirstRequest { get; }

        public abstract JiraPage ReadPage(JsonElement root, JiraRequest current);

        /// <summary>The reader for this style. <paramref name="wanted"/> is how many items the caller
        /// takes at most (its -Skip plus -First when nothing filters them): a reader that fetches
        /// ahead fetches nothing beyond it.</summary>
        public virtual IPageReader CreateReader(JiraHttpClient client, IJiraTrace? trace, ulong wanted = ulong.MaxValue) => new PagedReader(client, trace);

        protected static IReadOnlyList<JsonElement> CloneArray(JsonElement root, string arrayName)
        {
            if (!root.TryGetProperty(arrayName, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return new JsonElement[0];
            }
            var items = new List<JsonElement>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                items.Add(item.Clone());
            }
            return items;
        }

        protected static long? ReadInt64(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : (long?)null;

        protected static bool ReadBool(JsonElement root, string name, bool fallback) =>
            root.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : fallback;
    }
}
