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
        /// <summary>One path segment from the user, escaped. Empty, "." and ".." are refused: escaping
        /// leaves them as they are and the URL they join would climb to another endpoint
        /// (issue/OPS-2/comment/.. is issue/OPS-2).</summary>
        public static string Segment(string? value, string parameterName = "Id")
        {
            if (string.IsNullOrEmpty(value) || value == "." || value == "..")
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId,
                    $"'{value}' cannot be an id: an empty id, '.' and '..' would name another REST path.", parameterName);
            }
            return Uri.EscapeDataString(value);
        }

        public static JiraRequest Get(JiraInstance instance, string path) => new JiraRequest(HttpMethod.Get, instance.RestPath + path);

        public static JiraRequest Get(JiraInstance instance, string path, QueryString query) =>
            new JiraRequest(HttpMethod.Get, query.AppendTo(instance.RestPath + path));

        public static JiraRequest Post(JiraInstance instance, string path, string body) => new JiraRequest(HttpMethod.Post, instance.RestPath + path, body);

        public static JiraRequest Post(JiraInstance instance, string path, ArraySegment<byte> body) => new JiraRequest(HttpMethod.Post, instance.RestPath + path, body);

        public static JiraRequest Put(JiraInstance instance, string path, string body) => new JiraRequest(HttpMethod.Put, instance.RestPath + path, body);

        public static JiraRequest Delete(JiraInstance instance, string path) => new JiraRequest(HttpMethod.Delete, instance.RestPath + path);

        /// <summary>The parent issue of a child resource, checked and escaped.</summary>
        public static string Issue(ReadOptions options) =>
            "issue/" + Segment(options.ParentId ?? throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownObject, "This resource needs the incident's key in its name, e.g. incidents/OPS-1/comments.", "Object"), "Object");
    }
}
