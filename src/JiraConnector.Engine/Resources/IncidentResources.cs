using System;
using System.Collections.Generic;
using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>incidents (issues) and their child resources.</summary>
    internal static class IncidentResources
    {
        public const string AllIncidentsJql = "project IS NOT EMPTY ORDER BY key ASC";

        // search/jql serves up to 100 issues a page with all fields; search (offset) up to 1000 on DC.
        private const int MaxIssuePage = 100;
        private const int MaxCommentPage = 100;
        private const int MaxWorklogPage = 5000;
        private const int MaxChangelogPage = 100;

        public static IEnumerable<ResourceDefinition> All()
        {
            yield return new ResourceDefinition("incidents", "search/jql (Cloud), search (Data Center), issue/{key}", IncidentPaging,
                (json, context) => new Incident(json, context))
            {
                RecordType = typeof(Incident),
                PagingName = "token (Cloud), offset (Data Center)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "issue/" + Rest.Segment(id),
                    new QueryString().Add("fields", FieldList(options))),
                Create = (instance, options, id, body) => Rest.Post(instance, "issue", body),
                Update = (instance, options, id, body) => Rest.Put(instance, "issue/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, "issue/" + Rest.Segment(id)),
                WriteShape = WriteShape.IssueFields,
            };
            yield return new ResourceDefinition("incidents/{id}/comments", "issue/{key}/comment", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, Rest.Issue(options) + "/comment",
                    new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxCommentPage)).Add("orderBy", "created")), "comments"),
                (json, context) => new Comment(json, context))
            {
                RecordType = typeof(Comment),
                PagingName = "offset (comments)",
                ReadOne = (instance, options, id) => Rest.Get(instance, Rest.Issue(options) + "/comment/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/comment", body),
                Update = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/comment/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, Rest.Issue(options) + "/comment/" + Rest.Segment(id)),
                WriteShape = WriteShape.Comment,
            };
            yield return new ResourceDefinition("incidents/{id}/worklogs", "issue/{key}/worklog", (instance, options) =>
                new OffsetPaging(startAt => Rest.Get(instance, Rest.Issue(options) + "/worklog",
                    new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxWorklogPage))), "worklogs"),
                (json, context) => new Worklog(json, context))
            {
                RecordType = typeof(Worklog),
                PagingName = "offset (worklogs)",
                QueryableFields = new[] { "Started" },
                ReadOne = (instance, options, id) => Rest.Get(instance, Rest.Issue(options) + "/worklog/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/worklog", body),
                Update = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/worklog/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, Rest.Issue(options) + "/worklog/" + Rest.Segment(id)),
                WriteShape = WriteShape.Worklog,
            };
            yield return new ResourceDefinition("incidents/{id}/attachments", "issue/{key}?fields=attachment, attachment/{id}", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options), new QueryString().Add("fields", "attachment")), "fields", "attachment"),
                (json, context) => new Attachment(json, context))
            {
                RecordType = typeof(Attachment),
                PagingName = "none (the issue's attachment field)",
                ReadOne = (instance, options, id) => Rest.Get(instance, "attachment/" + Rest.Segment(id)),
                Delete = (instance, options, id) => Rest.Delete(instance, "attachment/" + Rest.Segment(id)),
            };
            yield return new ResourceDefinition("incidents/{id}/history", "issue/{key}/changelog", (instance, options) =>
                instance.Deployment == JiraDeployment.Cloud
                    ? (PagingStyle)new OffsetPaging(startAt => Rest.Get(instance, Rest.Issue(options) + "/changelog",
                        new QueryString().Add("startAt", startAt).Add("maxResults", Math.Min(options.PageSize, MaxChangelogPage))), "values")
                    // Data Center 8 has no changelog endpoint: the history comes with the issue.
                    : new SinglePagePaging(Rest.Get(instance, Rest.Issue(options), new QueryString().Add("fields", "id").Add("expand", "changelog")),
                        "changelog", "histories"),
                (json, context) => new ChangeHistory(json, context))
            {
                RecordType = typeof(ChangeHistory),
                PagingName = "page-bean (Cloud), none (Data Center: expand=changelog)",
            };
            yield return new ResourceDefinition("incidents/{id}/transitions", "issue/{key}/transitions", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options) + "/transitions"), "transitions"),
                (json, context) => new Transition(json, context))
            {
                RecordType = typeof(Transition),
                PagingName = "none",
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/transitions", body),
                WriteShape = WriteShape.Transition,
            };
            yield return new ResourceDefinition("incidents/{id}/watchers", "issue/{key}/watchers", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options) + "/watchers"), "watchers"),
                (json, context) => new User(json, context))
            {
                RecordType = typeof(User),
                PagingName = "none",
                Create = (instance, options, id, body) => Rest.Post(instance, Rest.Issue(options) + "/watchers", body),
                Delete = (instance, options, id) => Rest.Delete(instance, new QueryString()
                    .Add(instance.Deployment == JiraDeployment.Cloud ? "accountId" : "username", id)
                    .AppendTo(Rest.Issue(options) + "/watchers")),
                WriteShape = WriteShape.Watcher,
            };
            yield return new ResourceDefinition("incidents/{id}/properties", "issue/{key}/properties", (instance, options) =>
                new SinglePagePaging(Rest.Get(instance, Rest.Issue(options) + "/properties"), "keys"),
                (json, context) => new EntityProperty(json, context))
            {
                RecordType = typeof(EntityProperty),
                PagingName = "none",
                ReadOne = (instance, options, id) => Rest.Get(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(id)),
                Create = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(RequireKey(id)), body),
                Update = (instance, options, id, body) => Rest.Put(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(id), body),
                Delete = (instance, options, id) => Rest.Delete(instance, Rest.Issue(options) + "/properties/" + Rest.Segment(id)),
                WriteShape = WriteShape.PropertyValue,
            };
        }

        private static string RequireKey(string? id) =>
            string.IsNullOrEmpty(id) ? throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "A property needs its key: give it with -Id.", "Id") : id!;

        /// <summary>Navigable fields unless the caller named some; key and id always come.</summary>
        private static string FieldList(ReadOptions options) =>
            options.Fields == null || options.Fields.Count == 0 ? "*navigable" : string.Join(",", options.Fields);

        private static PagingStyle IncidentPaging(JiraInstance instance, ReadOptions options)
        {
            var jql = string.IsNullOrWhiteSpace(options.Jql) ? AllIncidentsJql : options.Jql!;
            var pageSize = Math.Min(options.PageSize, MaxIssuePage);
            var fields = FieldList(options);
            var properties = options.Properties == null || options.Properties.Count == 0 ? null : string.Join(",", options.Properties);
            if (instance.Deployment == JiraDeployment.Cloud)
            {
                return new TokenPaging(token => new JiraRequest(HttpMethod.Get, new QueryString()
                    .Add("jql", jql).Add("maxResults", pageSize).Add("fields", fields).Add("properties", properties).Add("nextPageToken", token)
                    .AppendTo(instance.RestPath + "search/jql")));
            }
            return new OffsetPaging(startAt => new JiraRequest(HttpMethod.Get, new QueryString()
                .Add("jql", jql).Add("startAt", startAt).Add("maxResults", pageSize).Add("fields", fields).Add("properties", properties)
                .AppendTo(instance.RestPath + "search")), "issues");
        }
    }
}
