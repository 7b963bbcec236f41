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

        public JiraRequest RequestFor(string? token) => _requestForToken(token);

        public override JiraPage ReadPage(JsonElement root, JiraRequest current)
        {
            var token = NextToken(root);
            return new JiraPage(CloneArray(root, "issues"), token == null ? null : _requestForToken(token), null);
        }

        /// <summary>The token of the next page; null on the last.</summary>
        public static string? NextToken(JsonElement root)
        {
            string? token = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            // isLast is authoritative; a missing token ends the read too, so a bad answer cannot loop forever.
            var last = ReadBool(root, "isLast", token == null) || string.IsNullOrEmpty(token);
            return last ? null : token;
        }
    }
}
