using System;
using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>Short builders for the requests of the resource map; every path segment that comes
    /// from the user is escaped, so an id can never reach another endpoint.</summary>
    internal static class Rest
    {
        /// <summary>One path segment from the user, escaped. Escaping leaves "." and ".." as they are
        /// and the request's URI would collapse them onto the parent path (an id of ".." under
        /// issue/OPS-2/comment/ would delete OPS-2), so those and an empty segment are refused.</summary>
        public static string Segment(string value)
        {
            if (!IsSegment(value))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId,
                    $"'{value}' cannot be an id or key: it must not be empty, '.' or '..'.", "Id");
            }
            return Uri.EscapeDataString(value);
        }

        /// <summary>False for what a URI would drop or collapse as a path segment.</summary>
        public static bool IsSegment(string? value) => !string.IsNullOrEmpty(value) && value != "." && value != "..";

        public static JiraRequest Get(JiraInstance instance, string path) => new JiraRequest(HttpMethod.Get, instance.RestPath + path);

        public static JiraRequest Get(JiraInstance instance, string path, QueryString query) =>
            new JiraRequest(HttpMethod.Get, query.AppendTo(instance.RestPath + path));

        public static JiraRequest Post(JiraInstance instance, string path, string body) => new JiraRequest(HttpMethod.Post, instance.RestPath + path, body);

        public static JiraRequest Post(JiraInstance instance, string path, ArraySegment<byte> body) => new JiraRequest(HttpMethod.Post, instance.RestPath + path, body);

        public static JiraRequest Put(JiraInstance instance, string path, string body) => new JiraRequest(HttpMethod.Put, instance.RestPath + path, body);

        public static JiraRequest Delete(JiraInstance instance, string path) => new JiraRequest(HttpMethod.Delete, instance.RestPath + path);

        /// <summary>Jira Software's Agile API (boards, sprints): beside the platform API, the same
        /// version on Cloud and Data Center.</summary>
        public const string AgilePath = "rest/agile/1.0/";

        public static JiraRequest Agile(HttpMethod method, string path, QueryString? query = null, string? body = null) =>
            new JiraRequest(method, query == null ? AgilePath + path : query.AppendTo(AgilePath + path), body);

        /// <summary>The parent of a child resource (a project key, a board or sprint id), checked and
        /// escaped; <paramref name="example"/> shows the name that gives it.</summary>
        public static string Parent(ReadOptions options, string example) =>
            Segment(options.ParentId ?? throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownObject, $"This resource needs its parent in its name, e.g. {example}.", "Object"));

        /// <summary>The parent issue of a child resource, checked and escaped.</summary>
        public static string Issue(ReadOptions options) =>
            "issue/" + Segment(options.ParentId ?? throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownObject, "This resource needs the incident's key in its name, e.g. incidents/OPS-1/comments.", "Object"));
    }
}
