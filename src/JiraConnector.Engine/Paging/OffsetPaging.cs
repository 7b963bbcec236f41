using System;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Styles A and B: startAt/maxResults. PageBean answers say isLast and keep items in
    /// "values"; legacy answers (search on Data Center, comments, worklogs) have a named array and a
    /// total instead. Either way the next page starts after the items actually received, since
    /// Jira may return fewer than asked for.</summary>
    internal sealed class OffsetPaging : PagingStyle
    {
        private readonly Func<long, JiraRequest> _requestAt;
        private readonly string _arrayName;

        public OffsetPaging(Func<long, JiraRequest> requestAt, string arrayName, long startAt = 0)
        {
            _requestAt = requestAt;
            _arrayName = arrayName;
            FirstRequest = requestAt(startAt);
        }

        public override JiraRequest FirstRequest { get; }

        public override JiraPage ReadPage(JsonElement root, JiraRequest current)
        {
            var items = CloneArray(root, _arrayName);
            var startAt = ReadInt64(root, "startAt") ?? 0;
            var total = ReadInt64(root, "total");
            var nextStart = startAt + items.Count;
            bool last;
            if (root.TryGetProperty("isLast", out _))
            {
                last = ReadBool(root, "isLast", true);
            }
            else
            {
                last = total == null || nextStart >= total.Value;
            }
            // An empty page that claims more would make us ask for the same page forever.
            if (items.Count == 0) last = true;
            return new JiraPage(items, last ? null : _requestAt(nextStart), total);
        }
    }
}
