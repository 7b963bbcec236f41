using System;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Style D: the answer is a bare JSON array (users, assignable users). There is no
    /// envelope, so a page shorter than asked for is the last one, and the next page's startAt is
    /// read back from the request that fetched this one.</summary>
    internal sealed class BareArrayPaging : PagingStyle
    {
        private static readonly Regex StartAt = new Regex(@"[?&]startAt=(\d+)", RegexOptions.CultureInvariant);

        private readonly Func<long, JiraRequest> _requestAt;
        private readonly int _pageSize;

        public BareArrayPaging(Func<long, JiraRequest> requestAt, int pageSize)
        {
            _requestAt = requestAt;
            _pageSize = pageSize;
            FirstRequest = requestAt(0);
        }

        public override JiraRequest FirstRequest { get; }

        public override JiraPage ReadPage(JsonElement root, JiraRequest current)
        {
            var items = PageItems.FromArray(root);
            if (items.Count == 0 || items.Count < _pageSize) return new JiraPage(items, null, null);
            var match = StartAt.Match(current.RelativeUrl);
            var startAt = match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return new JiraPage(items, _requestAt(startAt + items.Count), null);
        }
    }
}
