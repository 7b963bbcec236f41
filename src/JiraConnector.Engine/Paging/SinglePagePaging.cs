using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Unpaged collections: one request whose answer holds every item, either as a bare
    /// array (field, issuetype, priority, status) or as an array inside an object (permissionSchemes,
    /// transitions, watchers, an issue's attachment field).</summary>
    internal sealed class SinglePagePaging : PagingStyle
    {
        private readonly IReadOnlyList<string> _itemsPath;

        public SinglePagePaging(JiraRequest request, params string[] itemsPath)
        {
            FirstRequest = request;
            _itemsPath = itemsPath;
        }

        public override JiraRequest FirstRequest { get; }

        public override JiraPage ReadPage(JsonElement root, JiraRequest current) =>
            new JiraPage(PageItems.AtPath(root, _itemsPath), null, null);
    }
}
