using System;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Data Center's search (startAt and a total) read several pages at once: once the first
    /// page has given the total, the pages after it are asked for together. A cursor of this style
    /// is a startAt (its page's request) and an offset in that page, as with <see cref="OffsetPaging"/>.</summary>
    internal sealed class ParallelOffsetPaging : PagingStyle
    {
        private readonly Func<long, int, JiraRequest> _requestAt;
        private readonly OffsetPaging _pages;

        /// <param name="requestAt">the search from a startAt, for a number of issues.</param>
        /// <param name="pageSize">the issues a page asks for.</param>
        /// <param name="concurrency">requests at once, at most.</param>
        public ParallelOffsetPaging(Func<long, int, JiraRequest> requestAt, int pageSize, int concurrency)
        {
            _requestAt = requestAt;
            PageSize = pageSize;
            Concurrency = concurrency;
            _pages = new OffsetPaging(at => requestAt(at, pageSize), "issues");
        }

        public override JiraRequest FirstRequest => _pages.FirstRequest;

        public int PageSize { get; }

        public int Concurrency { get; }

        public JiraRequest RequestAt(long startAt, int maxResults) => _requestAt(startAt, maxResults);

        public override JiraPage ReadPage(JsonElement root, JiraRequest current) => _pages.ReadPage(root, current);

        /// <summary>Where the page of an answer starts, as the answer says.</summary>
        public static long StartOf(JsonElement root) => ReadInt64(root, "startAt") ?? 0;

        /// <summary>The page size the endpoint actually served (it may clamp what was asked).</summary>
        public static int? ServedPageSize(JsonElement root) => ReadInt64(root, "maxResults") is long served && served > 0 ? (int)served : (int?)null;

        public override IPageReader CreateReader(JiraHttpClient client, IJiraTrace? trace, ulong wanted = ulong.MaxValue) =>
            new ParallelOffsetReader(this, client, trace, wanted);
    }
}
