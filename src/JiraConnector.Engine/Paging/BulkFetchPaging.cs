using System;
using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Cloud's search/jql read several requests at once. The first page is an ordinary page
    /// with the fields (so a result that fits in it stays one request); after it, the query's ids
    /// come in the query's order, 5,000 a page (search/jql serves that many when only ids are asked
    /// for), and the issues themselves through issue/bulkfetch, 100 ids a request, several at once.
    ///
    /// A cursor of this style names either the first page (a fresh read) or a place in the id pages.</summary>
    internal sealed class BulkFetchPaging : PagingStyle
    {
        /// <summary>issue/bulkfetch takes at most 100 ids.</summary>
        public const int BatchSize = 100;

        private readonly TokenPaging _pages;
        private readonly Func<IReadOnlyList<string>, JiraRequest> _bulkFetch;

        /// <param name="pages">search/jql with the fields, at the sequential page size.</param>
        /// <param name="idPages">the same query asking for ids only, in pages of 5,000.</param>
        /// <param name="bulkFetch">issue/bulkfetch of some ids, with the fields.</param>
        /// <param name="concurrency">requests at once, at most.</param>
        public BulkFetchPaging(TokenPaging pages, TokenPaging idPages, Func<IReadOnlyList<string>, JiraRequest> bulkFetch, int concurrency)
        {
            _pages = pages;
            IdPages = idPages;
            _bulkFetch = bulkFetch;
            Concurrency = concurrency;
        }

        public override JiraRequest FirstRequest => _pages.FirstRequest;

        public TokenPaging IdPages { get; }

        public int Concurrency { get; }

        public JiraRequest BulkFetch(IReadOnlyList<string> ids) => _bulkFetch(ids);

        public override JiraPage ReadPage(JsonElement root, JiraRequest current) => _pages.ReadPage(root, current);

        public override IPageReader CreateReader(JiraHttpClient client, IJiraTrace? trace, ulong wanted = ulong.MaxValue) =>
            new BulkFetchReader(this, client, trace, wanted);

        /// <summary>A place in the id pages, as a cursor of this style (what -NextPage keeps).</summary>
        public PageCursor At(JiraRequest idPage, int offset) => new PageCursor(this, idPage, offset);
    }
}
