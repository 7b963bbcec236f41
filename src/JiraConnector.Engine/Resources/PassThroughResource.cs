using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>Any other REST path, read as is: its paging shape is detected from the first answer
    /// (bare array, PageBean, legacy offset page or a single object).</summary>
    internal static class PassThroughResource
    {
        public const string Marker = "{objectName}";

        public static ResourceDefinition For(string path) =>
            new ResourceDefinition(Marker, path, (instance, options) =>
                new DetectedPaging(startAt => Rest.Get(instance, path, new QueryString()
                    .Add("fields", options.Fields == null ? null : string.Join(",", options.Fields))
                    // The first request goes as typed: an endpoint that does not page may refuse paging parameters.
                    .Add("startAt", startAt == 0 ? (long?)null : startAt).Add("maxResults", startAt == 0 ? (int?)null : options.PageSize))),
                (json, context) => new JiraObject(json, context))
            {
                RecordType = typeof(JiraObject),
                PagingName = "detected (bare array, page-bean, offset or single object)",
                ReadOne = (instance, options, id) => Rest.Get(instance, path + "/" + Rest.Segment(id)),
            };
    }
}
