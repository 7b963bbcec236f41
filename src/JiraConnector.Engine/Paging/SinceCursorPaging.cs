using System;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Style E (worklog/updated, worklog/deleted): {values, since, until, lastPage}; the next
    /// page asks for what changed since this page's "until".</summary>
    internal sealed class SinceCursorPaging : PagingStyle
    {
        private readonly Func<long, JiraRequest> _requestSince;

        public SinceCursorPaging(Func<long, JiraRequest> requestSince, long since)
        {
            _requestSince = requestSince;
            FirstRequest = requestSince(since);
        }

        public override JiraRequest FirstRequest { get; }

        public override JiraPage ReadPage(JsonElement root, JiraRequest current)
        {
            var items = CloneArray(root, "values");
            var until = ReadInt64(root, "until");
            var since = ReadInt64(root, "since");
            // A page that does not move the cursor forward would be asked for again forever.
            var last = ReadBool(root, "lastPage", true) || until == null || items.Count == 0 || (since != null && until <= since);
            return new JiraPage(items, last ? null : _requestSince(until!.Value), null);
        }
    }
}
