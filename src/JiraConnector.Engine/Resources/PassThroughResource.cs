using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>Any other REST path, read as is: its paging shape is detected from the first answer
    /// (bare array, PageBean, legacy offset page or a single object). A path that starts with rest/
    /// names its API itself (<see cref="SitePath"/>).</summary>
    internal static class PassThroughResource
    {
        public const string Marker = "{objectName}";

        public static ResourceDefinition For(string path) =>
            new ResourceDefinition(Marker, path, (instance, options) =>
                new DetectedPaging(startAt => new JiraRequest(HttpMethod.Get, new QueryString()
                    .Add("fields", options.Fields == null ? null : string.Join(",", options.Fields))
                    // The first request goes as typed: an endpoint that does not page may refuse paging parameters.
                    .Add("startAt", startAt == 0 ? (long?)null : startAt).Add("maxResults", startAt == 0 ? (int?)null : options.PageSize)
                    .AppendTo(SitePath.Of(instance, path)))),
                (json, context) => new JiraObject(json, context))
            {
                RecordType = typeof(JiraObject),
                PagingName = "detected (bare array, page-bean, offset or single object)",
                ReadOne = (instance, options, id) => new JiraRequest(HttpMethod.Get, SitePath.Of(instance, path + "/" + Rest.Segment(id))),
            };
    }
}
