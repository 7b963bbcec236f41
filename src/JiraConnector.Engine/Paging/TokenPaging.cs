using System;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Style C, Cloud's search/jql: the answer carries nextPageToken and isLast, never a total.</summary>
    internal sealed class TokenPaging : PagingStyle
    {
        private readonly Func<string?, JiraRequest> _requestForToken;

        public TokenPaging(Func<string?, JiraRequest> requestForToken)
        {
            _requestForToken = requestForToken;
            FirstRequest = requestForToken(null);
        }

        public override JiraRequest FirstRequest { get; }

        public override JiraPage ReadPage(JsonElement root, JiraRequest current)
        {
            var items = CloneArray(root, "issues");
            string? token = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            // isLast is authoritative; a missing token ends the read too, so a bad answer cannot loop forever.
            var last = ReadBool(root, "isLast", token == null) || string.IsNullOrEmpty(token);
            return new JiraPage(items, last ? null : _requestForToken(token), null);
        }
    }
}
